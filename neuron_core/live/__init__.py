"""A live class: the room's answers kept in a real database (SQLAlchemy: SQLite by default, PostgreSQL for
replicas), read back as the teacher's dashboard sees them."""
