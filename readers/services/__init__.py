"""Every write about readers: links asked for and spent, accounts changed and deleted."""
