"""Spoken calls: the chime, then the Indonesian sentence, never overlapping, silent when audio is missing."""
