"""The cramp diary in the window: the entry dialog, Home's morning question, History's chart."""
