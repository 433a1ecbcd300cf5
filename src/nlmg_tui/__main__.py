from nlmg_tui.entry import main

main()
