"""Storage: peewee models, opening the database, migrations. No Qt here."""
