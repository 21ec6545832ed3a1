"""Small helpers for the messages the commands print."""


def count(n: int, noun: str) -> str:
    """ "1 page", "2 pages" (regular plurals only, which is all our messages use)."""
    return f"{n} {noun}{'' if n == 1 else 's'}"
