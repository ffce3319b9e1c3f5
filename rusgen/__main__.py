"""Run the command line as `python -m rusgen`."""

from rusgen.cli import main

main()
