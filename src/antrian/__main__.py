from antrian.cli import run

run()
