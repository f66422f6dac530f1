"""Local storage: SQLCipher-encrypted SQLite through SQLAlchemy, migrations, change capture."""
