# Read by mypy before peewee's own stubs (mypy_path in pyproject.toml): peewee is checked as
# Any. peewee 4's stubs iterate a query as model instances even after .tuples()/.dicts() and
# know no "<field>_id" attributes; peewee 3 (also allowed) ships none.
from typing import Any

def __getattr__(name: str) -> Any: ...
