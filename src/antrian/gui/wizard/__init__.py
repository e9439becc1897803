"""The first-run set-up wizard: an office with no profile or no admin gets both, its first services and
counters, and is told which window to open on which PC (``services.first_run`` writes it all at once)."""
