from tolltrace.cli import main

main()
