"""Persistence: SQLAlchemy models, engines, migrations and dialect-specific queue primitives."""
