"""Qt widgets. Each widget is handed the core object it shows."""
