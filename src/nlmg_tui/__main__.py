from nlmg_tui.cli import main

main()
