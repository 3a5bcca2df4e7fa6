"""Spelling, checked against the story language's dictionary, the newsroom's own words and
everyone in the registry (``speller``); where words stand in a text (``words``); the
newsroom's dictionary and a story's ignored words (``newsroom``, ``ignored``). No Qt.

Nothing is imported here: the editor reads a story's ignored words as it opens, at the
window's start, and the speller's imports (the tag suggester, rapidfuzz) wait for its load.
"""
