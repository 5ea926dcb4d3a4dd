"""Pictures on demand: the chart service (numbers, cache) and sending a picture; the drawings
themselves are layouts, in `bot/views/charts/`."""
