// Host-compiled test program for the sampling math (kernels-cuda/src/main/cuda/irg_sampling.cuh),
// compiled for the CPU with a plain C++ compiler, so HostSamplingTest can compare its samples with
// the Java scalar samplers bit for bit on every CI run, without a GPU. It calls the same element
// functions as the irg_sample_* kernels.
//
// Reads lines from stdin and prints one line per input line, numbers as hexadecimal doubles (or NaN,
// Infinity, -Infinity):
//   PHILOX seed element sub block          -> the four words, as unsigned decimals
//   KIND PREC seed element p0 p1           -> z g0 g1 (KIND GAMMA|GAMMA_LOG|BETA|VONMISES, PREC f64|f32)
//   DIRICHLET PREC seed row k a_1 .. a_k   -> z_1..z_k diag_1..diag_k h_1..h_k
// seed, element and row are signed 64-bit decimals. For f32 the parameters are rounded to float and
// the results to float, as the f32 kernels do.
#include "irg_sampling.cuh"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

static void print(double v, const char* sep) {
    if (v != v) {
        fputs("NaN", stdout);
    } else if (v == __builtin_huge_val()) {
        fputs("Infinity", stdout);
    } else if (v == -__builtin_huge_val()) {
        fputs("-Infinity", stdout);
    } else {
        printf("%a", v);
    }
    fputs(sep, stdout);
}

static double param(const char* s, bool f32) {
    double v = strtod(s, nullptr);
    return f32 ? (double)(float)v : v;
}

int main() {
    std::string line;
    char buf[1 << 16];
    long lineNo = 0;
    while (fgets(buf, sizeof buf, stdin)) {
        lineNo++;
        std::vector<char*> tok;
        for (char* t = strtok(buf, " \t\r\n"); t; t = strtok(nullptr, " \t\r\n")) tok.push_back(t);
        if (tok.empty()) continue;
        const char* kind = tok[0];
        if (strcmp(kind, "PHILOX") == 0 && tok.size() == 5) {
            irg::PhiloxWords w = irg::philoxElementBlock(strtoll(tok[1], nullptr, 10), strtoll(tok[2], nullptr, 10),
                                                         atoi(tok[3]), atoi(tok[4]));
            printf("%u %u %u %u\n", w.w0, w.w1, w.w2, w.w3);
            continue;
        }
        if (tok.size() < 6) {
            fprintf(stderr, "irg_host_sample: line %ld: too few fields\n", lineNo);
            return 2;
        }
        bool f32 = strcmp(tok[1], "f32") == 0;
        long long seed = strtoll(tok[2], nullptr, 10);
        long long e = strtoll(tok[3], nullptr, 10);
        if (strcmp(kind, "DIRICHLET") == 0) {
            int k = atoi(tok[4]);
            if ((int)tok.size() != 5 + k) {
                fprintf(stderr, "irg_host_sample: line %ld: expected %d concentrations\n", lineNo, k);
                return 2;
            }
            std::vector<double> a(k), logG(k), z(k), diag(k), h(k);
            for (int j = 0; j < k; j++) a[j] = param(tok[5 + j], f32);
            irg::dirichletRow(seed, e, k, a.data(), logG.data(), z.data(), true, diag.data(), h.data());
            for (const std::vector<double>* v : {&z, &diag, &h}) {
                for (int j = 0; j < k; j++) print(irg::asStored((*v)[j], f32), " ");
            }
            fputs("\n", stdout);
            continue;
        }
        double p0 = param(tok[4], f32), p1 = param(tok[5], f32);
        irg::SampleOut r;
        if (strcmp(kind, "GAMMA") == 0) {
            r = irg::gammaElement(seed, e, p0, p1, f32, true);
        } else if (strcmp(kind, "GAMMA_LOG") == 0) {
            r = irg::gammaLogElement(seed, e, p0, p1, f32, true);
        } else if (strcmp(kind, "BETA") == 0) {
            r = irg::betaElement(seed, e, p0, p1, f32, true);
        } else if (strcmp(kind, "VONMISES") == 0) {
            r = irg::vonMisesElement(seed, e, p0, p1, f32, true);
        } else {
            fprintf(stderr, "irg_host_sample: line %ld: unknown kind %s\n", lineNo, kind);
            return 2;
        }
        print(r.z, " ");
        print(irg::asStored(r.g0, f32), " ");
        print(irg::asStored(r.g1, f32), "\n");
    }
    return 0;
}
