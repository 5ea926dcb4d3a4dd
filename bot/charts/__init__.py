"""Pictures of the archive: a chart of any summary and the map of cooperation (matplotlib)."""
