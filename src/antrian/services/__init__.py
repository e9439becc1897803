"""Use cases: each takes a Session (the caller owns the transaction) and a clock, returns frozen data."""
