"""Every write about newsletters: subscriptions, editions, sends and suppressions.

Lock order, where more than one row is locked: the Edition, then its Delivery rows.
"""
