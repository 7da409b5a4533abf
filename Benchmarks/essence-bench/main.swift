print("essence-bench: no benchmarks yet")
