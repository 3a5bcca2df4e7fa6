"""The entry script of the PyInstaller bundle (packaging/newsdesk.spec): the `newsdesk` command.

A separate file rather than newsdesk/__main__.py, because PyInstaller puts the entry
script's folder on the import path and newsdesk/'s modules must not become top-level ones.
"""

from newsdesk.cli import main

raise SystemExit(main())
