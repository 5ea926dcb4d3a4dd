"""Digests: schedule, composition, the paced sender and the background scheduler."""
