"""The benchmark and soak behind `make bench` and `make soak`.

They load the site under gunicorn with production settings and hold it to the performance
budgets in `bench.budgets`. Run with `python -m bench --help`.
"""
