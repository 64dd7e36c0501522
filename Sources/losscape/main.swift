import LosscapeCLI

Losscape.main()
