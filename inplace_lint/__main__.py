from .frontends.cli import main

main(prog_name="inplace-lint")
