"""syndicate: a newspaper's printed pages in, clean articles out (feeds and NewsML-G2)."""

__version__ = "0.1.0"
