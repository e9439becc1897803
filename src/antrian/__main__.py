from antrian.cli import main

raise SystemExit(main())
