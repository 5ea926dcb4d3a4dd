"""Layouts of pictures: the chart of a summary and the map of cooperation (matplotlib)."""
