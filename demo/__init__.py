"""The demo newsroom of The Northern Ledger: a fictional paper covering a fictional country.

Everything here is invented: the Republic of Ostmere, its cities, parties, ministries,
companies and people, and every word of the stories. The stories and journalists are data
files (demo/stories/, demo/authors/, read by demo/content.py); `manage.py load_demo` loads
them (demo/loader.py) with pictures drawn by demo/images.py. `manage.py generate_articles`
fills an archive of made-up stories for the benchmarks (demo/story_generator.py). The app
is installed only where settings say DEMO=true, as `make run` does.
"""
