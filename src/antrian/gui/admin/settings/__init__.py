"""The admin pages for the office calendar, display and voice, and this PC's printer."""
