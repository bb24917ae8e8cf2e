# R's side of the survival benchmarks in docs/benchmarks.md: reads the CSV, fits, prints the fit's time alone and the
# figures to compare with Stroma's.
# Usage: Rscript docs/bench/survival_in_r.R cox|km|logrank FILE.csv
args <- commandArgs(trailingOnly = TRUE)
suppressPackageStartupMessages(library(survival))
d <- read.csv(args[2])
elapsed <- system.time(fit <- switch(args[1],
  cox = coxph(Surv(t, e) ~ arm + x, data = d, ties = "efron"),
  km = survfit(Surv(t, e) ~ arm, data = d),
  logrank = survdiff(Surv(t, e) ~ arm, data = d)))[["elapsed"]]
cat(sprintf("R %s, n = %d: fit %.3f s\n", args[1], nrow(d), elapsed))
show <- function(name, values) cat(name, sprintf("%.15g", values), "\n")
if (args[1] == "cox") {
  show("beta", coef(fit))
  show("se", sqrt(diag(vcov(fit))))
  show("loglik", fit$loglik)
  show("lr score wald", c(2 * diff(fit$loglik), fit$score, fit$wald.test))
} else if (args[1] == "km") {
  s <- summary(fit)
  show("median", s$table[, "median"])
  show("steps", as.vector(table(s$strata)))
  show("last survival", tapply(s$surv, s$strata, function(v) v[length(v)]))
} else {
  show("observed", fit$obs)
  show("expected", fit$exp)
  show("chisq", fit$chisq)
}
