"""The users page and the audit page of the admin window."""
