"""Digests: when each chat's is due, the background scheduler and the paced sender."""
