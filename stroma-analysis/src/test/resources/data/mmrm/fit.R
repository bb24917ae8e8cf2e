# Fits the MMRM data sets written by simulate.R and prints the reference values MmrmReferenceTest and
# AncovaFTestTest hold. Run from this folder:  Rscript fit.R
# (R 4.2.2 with nlme 3.1-162, emmeans 1.8.4-1, numDeriv 2016.8-1.1.)
#
# Degrees of freedom: emmeans's mode "satterthwaite" for gls differentiates the covariance of the coefficients with
# numDeriv (exact to many digits) but takes the covariance of the covariance parameters from nlme's apVar, whose
# finite-difference Hessian (fdHess) is off by up to 0.5 % here, and the df with it (0.4 % on these data). The
# reference df are therefore emmeans's own Satterthwaite formula with apVar replaced by the inverse of numDeriv's
# Hessian of the same REML log-likelihood, in nlme's own parameters (accurate_df below); emmeans's unmodified df
# are printed too, for comparison.
suppressMessages({ library(nlme); library(emmeans) })
options(digits = 12, width = 150)
emm_options(opt.digits = FALSE)

# natural = FALSE keeps apVar in the parameters emmeans differentiates in (else it falls back to its approximation);
# the formula goes into the call itself because emmeans re-evaluates the call's model to rebuild X.
us <- function(d, formula) {
  eval(bquote(gls(.(formula), data = d, correlation = corSymm(form = ~ as.integer(visit) | id),
      weights = varIdent(form = ~ 1 | visit), method = "REML", na.action = na.omit,
      control = glsControl(msMaxIter = 500, tolerance = 1e-10, msTol = 1e-10, natural = FALSE))))
}
# The REML log-likelihood of the fit as a function of nlme's parameters (the structure's coefficients and
# log sigma), written out with the model's V so that numDeriv can differentiate it twice.
accurate_df <- function(emm, fit, d) {
  obj <- fit$modelStruct
  X <- model.matrix(formula(fit), d); y <- d$y; N <- nrow(X); p <- ncol(X)
  reml <- function(par) {
    o <- obj; coef(o) <- par[-length(par)]; s <- exp(par[length(par)])
    w <- if (is.null(o$varStruct)) rep(1, N) else varWeights(o$varStruct)
    V <- as.matrix(Matrix::bdiag(corMatrix(o$corStruct))); V <- diag(s / w) %*% V %*% diag(s / w)
    Vi <- solve(V); M <- t(X) %*% Vi %*% X; r <- y - X %*% solve(M, t(X) %*% Vi %*% y)
    -0.5 * ((N - p) * log(2 * pi) + determinant(V)$modulus + determinant(M)$modulus + t(r) %*% Vi %*% r)
  }
  par <- c(coef(obj), log(fit$sigma))
  stopifnot(abs(reml(par) - logLik(fit)) < 1e-8)
  emm@dfargs$A <- solve(-numDeriv::hessian(reml, par))
  emm
}
report <- function(fit, d, reference) {
  cat("-- coefficients, SE\n")
  print(summary(fit)$tTable[, 1:2])
  cat("-- REML log-likelihood\n")
  print(logLik(fit))
  cat("-- covariance matrix over the visits (a subject with every visit)\n")
  complete <- names(which(table(d$id) == nlevels(d$visit)))[1]
  print(unclass(getVarCov(fit, individual = complete)))
  raw <- emmeans(fit, ~ arm | visit, mode = "satterthwaite", data = d)
  cat("-- emmeans's own df (apVar), LS means then contrasts:\n")
  print(summary(raw)$df)
  print(summary(contrast(raw, "trt.vs.ctrl", ref = reference, adjust = "none"))$df)
  emm <- accurate_df(raw, fit, d)
  cat("-- LS means (", attr(emm@dffun, "mesg"), ", parameters' covariance from numDeriv's Hessian )\n")
  print(as.data.frame(summary(emm)))
  cat("-- contrasts against", reference, "\n")
  con <- contrast(emm, "trt.vs.ctrl", ref = reference, adjust = "none")
  print(merge(as.data.frame(summary(con)), as.data.frame(confint(con))))
}

cat("==== two_arms.csv: y ~ arm * visit + baseline, unstructured\n")
d1 <- read.csv("two_arms.csv", stringsAsFactors = TRUE)
d1$arm <- factor(d1$arm, levels = c("placebo", "cells"))
d1$visit <- factor(d1$visit, levels = paste0("V", 1:4))
d1 <- d1[order(d1$id, d1$visit), ]
report(us(d1, y ~ arm * visit + baseline), d1, 1)

cat("==== two_arms.csv: compound symmetry\n")
cs <- gls(y ~ arm * visit + baseline, data = d1, correlation = corCompSymm(form = ~ as.integer(visit) | id),
          method = "REML", control = glsControl(natural = FALSE))
report(cs, d1, 1)

cat("==== two_arms.csv: Toeplitz (stationary correlation of any lag, one variance)\n")
toep <- gls(y ~ arm * visit + baseline, data = d1, correlation = corARMA(form = ~ as.integer(visit) | id, p = 3),
            method = "REML", control = glsControl(msMaxIter = 500, tolerance = 1e-10, msTol = 1e-10, natural = FALSE))
report(toep, d1, 1)

cat("==== three_arms.csv: y ~ arm * visit + baseline + site, unstructured\n")
d2 <- read.csv("three_arms.csv", stringsAsFactors = TRUE)
d2$arm <- factor(d2$arm, levels = c("placebo", "low", "high"))
d2$visit <- factor(d2$visit, levels = paste0("V", 1:3))
d2 <- d2[order(d2$id, d2$visit), ]
report(us(d2, y ~ arm * visit + baseline + site), d2, 1)

cat("==== three_arms.csv at V3: omnibus F for arm in ANCOVA\n")
v3 <- d2[d2$visit == "V3", ]
cat("-- adjusted for baseline and site (arm last)\n")
print(as.data.frame(anova(lm(y ~ baseline + site + arm, data = v3))), digits = 12)
cat("-- sequential, arm first: anova(lm(y ~ arm + baseline))\n")
print(as.data.frame(anova(lm(y ~ arm + baseline, data = v3))), digits = 12)
