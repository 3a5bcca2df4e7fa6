"""The Dashboard mode: the desk and the review queue at a glance, in charts.

``panel`` lays the figures out and turns clicks into "open this queue / story list /
registry entry" requests; ``charts`` is one card (title, chart, empty-state text) drawn with
Qt Charts; ``theme`` takes its colours from the window's palette, light or dark.

Qt Charts rather than Qt Graphs: its charts are widgets painted with QPainter, so they
render under the offscreen platform, in ``grab()`` screenshots and without OpenGL, and
bars report clicks per segment (``QBarSet.clicked``). Qt Graphs' 2D charts are QML items:
they need a Qt Quick scene (and the QML modules the bundle leaves out) to show at all.
"""
