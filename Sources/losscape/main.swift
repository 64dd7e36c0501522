import LosscapeCLI
Losscape.main()
