from kintl_pub.cli import main

main()
