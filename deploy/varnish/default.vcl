# Varnish in front of the Newsroom app servers: caches anonymous pages for as long as each
# page tells it in Surrogate-Control (max-age), which only Varnish sees, purges by surrogate
# key (the xkey module, Debian's varnish-modules), refreshes in the background within
# stale-while-revalidate, and serves a stale copy for up to stale-if-error while the site
# fails. Which backend and who may purge are in backends.vcl beside this file
# (deploy/varnish/backends.example.vcl for production; deploy/local-cluster.sh writes its
# own), so this file is the same everywhere.
#
# The reader's address goes on in X-Forwarded-For, set here from the connection and
# never from what the client sent: nginx trusts that header from Varnish alone, and the
# app's sign-in lockout counts each reader apart (docs/deployment.md). Behind a TLS
# terminator, have it speak the PROXY protocol to Varnish so that client.ip is the reader.
#
# backends.vcl defines two backends at the same address (the balancer): `balancer`, which
# every fetch uses, and `site_health`, whose probe asks /healthz and is only read here.
# A failing health check therefore never stops a fetch (the balancer retries across app
# servers, and with Redis down the app still serves, slower); it makes Varnish prefer a
# stale copy to waiting for a refresh.
vcl 4.1;

import std;
import xkey;

include "backends.vcl";

sub vcl_recv {
    if (req.restarts == 0) {
        # Markers this file sets on restarts; never trusted from a client.
        unset req.http.X-Edge-Stale;
        unset req.http.X-Edge-Refresh;
    }
    # Who is asking: the address this connection came from, replacing whatever the
    # client wrote in the header (Varnish would otherwise append to it).
    set req.http.X-Forwarded-For = client.ip;
    # This cache assembles pages with ESI: the app then leaves the breaking-news banner
    # out of the pages and names it in an include (frontpage/banner.py), kept and purged
    # on its own, so raising it empties no page. Never taken from a client.
    set req.http.Surrogate-Capability = "varnish=ESI/1.0";

    # Purge by surrogate key, from the app servers only:
    #   xkey-purge: article-12 list-news       (gone at once)
    #   xkey-softpurge: sidebar                 (stale, refreshed on the next request)
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Purging is not allowed from this address"));
        }
        if (!req.http.xkey-purge && !req.http.xkey-softpurge) {
            return (synth(400, "Name the keys in xkey-purge or xkey-softpurge"));
        }
        set req.http.X-Purged = "0";
        set req.http.X-Soft-Purged = "0";
        if (req.http.xkey-purge) {
            set req.http.X-Purged = xkey.purge(req.http.xkey-purge);
        }
        if (req.http.xkey-softpurge) {
            set req.http.X-Soft-Purged = xkey.softpurge(req.http.xkey-softpurge);
        }
        return (synth(200, "Purged " + req.http.X-Purged + ", soft-purged " + req.http.X-Soft-Purged));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Staff (a session cookie) and the back office are never served from the cache; nor
    # are a reader's account pages, which read the reader's own cookie.
    if (req.url ~ "^/admin/" || req.url ~ "^/account/" || req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # A reader's other cookies (consent, analytics) do not change a public page.
    unset req.http.Cookie;
    call normalise_query;

    if (req.http.X-Edge-Stale) {
        # The site failed for this request: any copy within stale-if-error will do.
        set req.grace = 24h;
    } elsif (req.http.X-Edge-Refresh) {
        # Past its stale-while-revalidate: fetch a fresh copy before answering.
        set req.grace = 0s;
    }
    return (hash);
}

# Tracking parameters (campaigns, ad clicks) change nothing on a page: dropped, so a link
# shared with its own does not make a copy of its own; the rest sorted, so neither does
# the order parameters come in. (The app's page cache keeps one copy per value of the
# parameters a page reads, whatever else the address carries.)
sub normalise_query {
    if (req.url ~ "\?") {
        set req.url = regsuball(req.url,
            "(?i)(?<=[?&])(utm_[^&=]*|fbclid|gclid|gbraid|wbraid|dclid|msclkid|yclid|twclid|ttclid|igshid|mc_cid|mc_eid|_ga|_gl)(=[^&]*)?(&|$)",
            "");
        set req.url = std.querysort(regsub(req.url, "[?&]+$", ""));
    }
}

sub vcl_hit {
    if (obj.ttl >= 0s) {
        return (deliver);
    }
    # Expired. While the site fails, a stale copy beats an error (stale-if-error).
    if (req.http.X-Edge-Stale || !std.healthy(site_health)) {
        return (deliver);
    }
    # Served while a background fetch refreshes it, within the page's own
    # stale-while-revalidate (0 when a scheduled story is due).
    if (obj.ttl + std.duration(obj.http.X-Edge-SWR + "s", 0s) > 0s) {
        return (deliver);
    }
    set req.http.X-Edge-Refresh = "1";
    return (restart);
}

sub vcl_backend_response {
    if (bereq.uncacheable) {
        return (deliver);
    }
    # A page naming an include (the banner): assembled here, on every delivery.
    if (beresp.http.Surrogate-Control ~ "ESI/1.0") {
        set beresp.do_esi = true;
    }
    if (beresp.status >= 500) {
        # Keep the copy we have: a failed background refresh is dropped, and a reader's
        # request is restarted to look for a stale copy (vcl_synth). On that second try the
        # app's own error page is passed on, and not cached.
        if (bereq.is_bgfetch || !bereq.http.X-Edge-Stale) {
            return (abandon);
        }
        set beresp.ttl = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # This cache's own lifetimes, in Surrogate-Control (removed before delivery: its
    # numbers count down to the next scheduled story): max-age is the fresh time, the
    # page's stale-while-revalidate is read by vcl_hit, and grace keeps the object for its
    # stale-if-error. Without the header, Varnish's defaults read Cache-Control (a minute).
    set beresp.http.X-Edge-SWR = "0";
    if (beresp.http.Surrogate-Control ~ "(^|[ ,])max-age=[0-9]+") {
        set beresp.ttl = std.duration(regsub(beresp.http.Surrogate-Control,
            "^(.*[ ,])?max-age=([0-9]+).*$", "\2") + "s", 0s);
    }
    if (beresp.http.Surrogate-Control ~ "stale-while-revalidate=[0-9]+") {
        set beresp.http.X-Edge-SWR = regsub(beresp.http.Surrogate-Control,
            ".*stale-while-revalidate=([0-9]+).*", "\1");
    }
    if (beresp.http.Surrogate-Control ~ "stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(regsub(beresp.http.Surrogate-Control,
            ".*stale-if-error=([0-9]+).*", "\1") + "s", 0s);
    }
    if (beresp.http.Content-Type ~ "^(text/|application/(xml|rss\+xml|json))") {
        set beresp.do_gzip = true;
    }
    # Varnish's built-in rules follow: nothing with Set-Cookie, private or no-store is kept.
}

sub vcl_backend_error {
    set beresp.ttl = 0s;
    set beresp.uncacheable = true;
}

sub vcl_synth {
    # An abandoned fetch (the site failed): try once more, taking any stale copy.
    if (resp.status == 503 && !req.http.X-Edge-Stale && req.method ~ "^(GET|HEAD)$") {
        set req.http.X-Edge-Stale = "1";
        return (restart);
    }
}

sub vcl_deliver {
    # A connection error or no healthy backend: the same second try as above.
    if (resp.status >= 500 && !req.http.X-Edge-Stale && req.method ~ "^(GET|HEAD)$") {
        set req.http.X-Edge-Stale = "1";
        return (restart);
    }
    # PASS: never kept (staff, the admin, a page that may not be stored); MISS: fetched
    # for this request; HIT: a fresh copy; STALE: a copy past its time, served while a
    # new one is fetched or while the site fails.
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits == 0) {
        set resp.http.X-Cache = "MISS";
    } elsif (obj.ttl >= 0s) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "STALE";
    }
    # The keys are for purging here, the lifetimes for this cache alone (they would tell
    # when the next story is scheduled): readers get neither.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Surrogate-Control;
    unset resp.http.X-Edge-SWR;
}
