from desktop.app import run_single_tab

raise SystemExit(run_single_tab("trainer"))
