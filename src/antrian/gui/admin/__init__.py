"""The admin window and its pages."""
