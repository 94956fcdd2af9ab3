// CSlowWrite has no API: loaded with LD_PRELOAD, it replaces write(2) and rename(2) (see CSlowWrite.c).
