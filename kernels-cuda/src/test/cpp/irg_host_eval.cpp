// Host-compiled test program: the CUDA device math (kernels-cuda/src/main/cuda/*.cuh) compiled
// for the CPU with a plain C++ compiler (the CUDA keywords are defined away in irg_common.cuh),
// so that HostMathTest checks it against the golden tables and the Java reference on every CI run
// without a GPU.
//
//   irg_host_eval --list          prints the operations that have kernels, one per line
//   irg_host_eval --list-fn       prints the one-argument helpers (Class.method), one per line
//   irg_host_eval --list-pairs    prints the pair kernels' names (PAIR_BETA_GRAD, ...), one per line; their outputs
//                                 evaluate as OP "PAIR_<NAME>.0" and "PAIR_<NAME>.1"
//   irg_host_eval                 reads lines "OP PRECISION p0 p1 x" (PRECISION f64|f32; numbers as
//                                 Java's Double.toString/toHexString writes them) from stdin and
//                                 prints one result per line as a hexadecimal double (or NaN,
//                                 Infinity, -Infinity), i.e. bit-exactly.
// OP may also be "IncompleteGamma.classify", "IncompleteBeta.classify" or "VonMisesCdf.classify"
// (the region code of (p0, p1, x); p1 unused for Gamma and von Mises), or a helper "Class.method" (irg_special.cuh); it is applied to x (p0, p1 ignored).
// For f32 the inputs are rounded to float and the result to float, as the f32 kernels do.
#include "irg_ops.cuh"

#include <cstdio>
#include <cstdlib>
#include <cstring>

typedef double (*irg_fn)(double, double, double);

struct OpEntry {
    const char* name;
    irg_fn fn;
};

#define IRG_ENTRY(OP, FN) {#OP, FN},
static const OpEntry OPS[] = {IRG_FOR_EACH_OP(IRG_ENTRY)};
static const int NOPS = sizeof(OPS) / sizeof(OPS[0]);

typedef double (*irg_fn1)(double);

struct FnEntry {
    const char* name;
    irg_fn1 fn;
};

#define IRG_FN_ENTRY(CLS, METHOD, FN) {#CLS "." #METHOD, FN},
static const FnEntry FNS[] = {IRG_FOR_EACH_SPECIAL_FN(IRG_FN_ENTRY)};
static const int NFNS = sizeof(FNS) / sizeof(FNS[0]);

// Region classification of each family (the Java classify methods), as doubles.
static double classifyGamma(double a, double, double x) { return irg::gammaClassify(a, x); }
static double classifyBeta(double a, double b, double x) { return irg::betaClassify(a, b, x); }
static double classifyVonMises(double k, double, double x) { return irg::vmClassify(k, x); }
// Two-argument helpers f(p0, p1) of BetaFunctions.
static double logGammaIncrement(double q, double p, double) { return irg::betaLogGammaIncrement(q, p); }
static double logMinusDigammaDrop(double q, double p, double) { return irg::betaLogMinusDigammaDrop(q, p); }
static const OpEntry CLASSIFY[] = {{"IncompleteGamma.classify", classifyGamma},
                                   {"IncompleteBeta.classify", classifyBeta},
                                   {"VonMisesCdf.classify", classifyVonMises},
                                   {"BetaFunctions.logGammaIncrement", logGammaIncrement},
                                   {"BetaFunctions.logMinusDigammaDrop", logMinusDigammaDrop}};

// The pair kernels' functions (irg_kernels.cu's irg_PAIR_<NAME>): output 0 and 1 as "PAIR_<NAME>.0" and ".1".
static double pairBetaGrad0(double a, double b, double x) { double v0, v1; irg::beta_grad_pair(a, b, x, v0, v1); return v0; }
static double pairBetaGrad1(double a, double b, double x) { double v0, v1; irg::beta_grad_pair(a, b, x, v0, v1); return v1; }
static double pairBetaDcdf0(double a, double b, double x) { double v0, v1; irg::beta_dcdf_pair(a, b, x, v0, v1); return v0; }
static double pairBetaDcdf1(double a, double b, double x) { double v0, v1; irg::beta_dcdf_pair(a, b, x, v0, v1); return v1; }
static const OpEntry PAIRS[] = {{"PAIR_BETA_GRAD.0", pairBetaGrad0}, {"PAIR_BETA_GRAD.1", pairBetaGrad1},
                                {"PAIR_BETA_DCDF.0", pairBetaDcdf0}, {"PAIR_BETA_DCDF.1", pairBetaDcdf1}};

static irg_fn find(const char* name) {
    for (const OpEntry& e : CLASSIFY) {
        if (strcmp(e.name, name) == 0) return e.fn;
    }
    for (const OpEntry& e : PAIRS) {
        if (strcmp(e.name, name) == 0) return e.fn;
    }
    for (int i = 0; i < NOPS; i++) {
        if (strcmp(OPS[i].name, name) == 0) return OPS[i].fn;
    }
    return nullptr;
}

static irg_fn1 find1(const char* name) {
    for (int i = 0; i < NFNS; i++) {
        if (strcmp(FNS[i].name, name) == 0) return FNS[i].fn;
    }
    return nullptr;
}

static void print(double v) {
    if (v != v) {
        fputs("NaN\n", stdout);
    } else if (v == __builtin_huge_val()) {
        fputs("Infinity\n", stdout);
    } else if (v == -__builtin_huge_val()) {
        fputs("-Infinity\n", stdout);
    } else {
        printf("%a\n", v);
    }
}

int main(int argc, char** argv) {
    if (argc == 2 && strcmp(argv[1], "--list") == 0) {
        for (int i = 0; i < NOPS; i++) puts(OPS[i].name);
        return 0;
    }
    if (argc == 2 && strcmp(argv[1], "--list-pairs") == 0) {
        for (const OpEntry& e : PAIRS) {
            if (strcmp(e.name + strlen(e.name) - 2, ".0") == 0) printf("%.*s\n", (int)strlen(e.name) - 2, e.name);
        }
        return 0;
    }
    if (argc == 2 && strcmp(argv[1], "--list-fn") == 0) {
        for (int i = 0; i < NFNS; i++) puts(FNS[i].name);
        return 0;
    }
    char line[512];
    long lineNo = 0;
    while (fgets(line, sizeof line, stdin)) {
        lineNo++;
        char op[64], prec[8], s0[96], s1[96], sx[96];
        if (sscanf(line, "%63s %7s %95s %95s %95s", op, prec, s0, s1, sx) != 5) {
            fprintf(stderr, "irg_host_eval: line %ld: expected 'OP PRECISION p0 p1 x'\n", lineNo);
            return 2;
        }
        irg_fn f = find(op);
        irg_fn1 f1 = f ? nullptr : find1(op);
        if (f1) {
            double v = strtod(sx, nullptr);
            print(strcmp(prec, "f32") == 0 ? (double)(float)f1((double)(float)v) : f1(v));
            continue;
        }
        if (!f) {
            fprintf(stderr, "irg_host_eval: line %ld: no kernel for %s\n", lineNo, op);
            return 2;
        }
        double p0 = strtod(s0, nullptr), p1 = strtod(s1, nullptr), x = strtod(sx, nullptr);
        if (strcmp(prec, "f32") == 0) {
            print((double)(float)f((double)(float)p0, (double)(float)p1, (double)(float)x));
        } else {
            print(f(p0, p1, x));
        }
    }
    return 0;
}
