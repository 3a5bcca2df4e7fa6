"""The Moderation mode: the review queue, its model and its dialogs."""
