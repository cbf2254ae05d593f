"""Use cases over the store: each takes an explicit session; the caller owns the transaction."""
