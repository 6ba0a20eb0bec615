from govplan.cli.app import main

main()
