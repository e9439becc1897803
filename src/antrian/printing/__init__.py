"""Printing the ticket: one layout, rendered as ESC/POS bytes for thermal printers or as a page via Qt."""
