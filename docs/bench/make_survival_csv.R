# Survival data for the Cox, Kaplan–Meier and log-rank benchmarks in docs/benchmarks.md.
# Usage: Rscript docs/bench/make_survival_csv.R N OUT.csv
# Columns: t (whole days, so many ties), e (1 event, 0 censored), arm (control / treated), x (a covariate, 3 decimals).
# The seed is fixed: the same N always gives the same file.
args <- commandArgs(trailingOnly = TRUE)
n <- as.integer(args[1])
set.seed(20261206)
arm <- ifelse(runif(n) < 0.5, "control", "treated")
x <- round(rnorm(n), 3)
hazard <- 0.001 * exp(-0.5 * (arm == "treated") + 0.3 * x)
event_time <- rexp(n, hazard)
censor_time <- runif(n, 180, 1825)
t <- ceiling(pmin(event_time, censor_time))
e <- as.integer(event_time <= censor_time)
write.csv(data.frame(t, e, arm, x), args[2], row.names = FALSE, quote = FALSE)
