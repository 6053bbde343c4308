/*
 * Writes talib-reference.csv: a deterministic OHLCV series and TA-Lib's outputs for it.
 * How it was produced (see README.md beside this file):
 *   npm pack talib@2.0.5 && tar xzf talib-2.0.5.tgz    # the npm package bundles the TA-Lib 0.6 C sources
 *   cd package/src/lib/src && for f in ta_common/[a-z]*.c ta_func/[a-z]*.c; do gcc -O2 -c -I../include -Ita_common $f; done
 *   ar rcs libta.a *.o
 *   gcc -O2 -I<package>/src/lib/include generate-talib-reference.c libta.a -lm -o gen && ./gen > talib-reference.csv
 * Prices are multiples of 1/64 and volumes of 1/16, so every input is exact in double and in decimal.
 * The series has a random walk with gaps, flat stretches with zero volume, a steady rise and a steady fall.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "ta_libc.h"

#define N 640
static double o[N], h[N], l[N], c[N], v[N];
static unsigned long long rng = 88172645463325252ULL;
static int next(int m) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return (int)(rng % (unsigned long long)m); }

static void series(void)
{
    double close = 100;
    for (int i = 0; i < N; i++)
    {
        double open = close, hi, lo;
        int flat = (i >= 200 && i < 240) || (i >= 420 && i < 450);
        int rise = i >= 260 && i < 320, fall = i >= 320 && i < 360;
        if (flat) { o[i] = h[i] = l[i] = c[i] = close; v[i] = 0; continue; }
        if (next(25) == 0) open = close + (next(257) - 128) / 64.0;   /* gap */
        if (rise) close = open + (16 + next(64)) / 64.0;
        else if (fall) close = open - (16 + next(64)) / 64.0;
        else close = open + (next(129) - 64) / 64.0;
        hi = (open > close ? open : close) + next(48) / 64.0;
        lo = (open < close ? open : close) - next(48) / 64.0;
        o[i] = open; h[i] = hi; l[i] = lo; c[i] = close;
        v[i] = next(8) == 0 ? 0 : next(16000) / 16.0;
    }
}

#define MAXCOL 40
static double out[MAXCOL][N];
static const char *names[MAXCOL];
static int cols;

static double *column(const char *name) { names[cols] = name; for (int i = 0; i < N; i++) out[cols][i] = NAN; return out[cols++]; }
static void place(double *dst, const double *src, int beg, int count) { for (int i = 0; i < count; i++) dst[beg + i] = src[i]; }
static void check(TA_RetCode rc) { if (rc != TA_SUCCESS) { fprintf(stderr, "TA-Lib error %d\n", rc); exit(1); } }

/* A macro, not a function: beg and count must be read after the call has set them. */
#define ONE(name, call) do { check(call); place(column(name), a, beg, count); } while (0)

int main(void)
{
    static double a[N], b[N], t1[N], t2[N];
    int beg, count;
    series();
    check(TA_Initialize());

    check(TA_STOCH(0, N - 1, h, l, c, 14, 3, TA_MAType_SMA, 3, TA_MAType_SMA, &beg, &count, a, b));
    place(column("stoch_14_3_3_k"), a, beg, count); place(column("stoch_14_3_3_d"), b, beg, count);
    check(TA_STOCH(0, N - 1, h, l, c, 5, 1, TA_MAType_SMA, 3, TA_MAType_SMA, &beg, &count, a, b));
    place(column("stoch_5_1_3_k"), a, beg, count); place(column("stoch_5_1_3_d"), b, beg, count);
    check(TA_STOCHRSI(0, N - 1, c, 14, 14, 3, TA_MAType_SMA, &beg, &count, a, b));
    place(column("stochrsi_14_14_3_k"), a, beg, count); place(column("stochrsi_14_14_3_d"), b, beg, count);
    check(TA_STOCHRSI(0, N - 1, c, 14, 5, 3, TA_MAType_SMA, &beg, &count, a, b));
    place(column("stochrsi_14_5_3_k"), a, beg, count); place(column("stochrsi_14_5_3_d"), b, beg, count);
    ONE("rsi_14", TA_RSI(0, N - 1, c, 14, &beg, &count, a));
    ONE("adx_14", TA_ADX(0, N - 1, h, l, c, 14, &beg, &count, a));
    ONE("plus_di_14", TA_PLUS_DI(0, N - 1, h, l, c, 14, &beg, &count, a));
    ONE("minus_di_14", TA_MINUS_DI(0, N - 1, h, l, c, 14, &beg, &count, a));
    ONE("adx_5", TA_ADX(0, N - 1, h, l, c, 5, &beg, &count, a));
    ONE("plus_di_5", TA_PLUS_DI(0, N - 1, h, l, c, 5, &beg, &count, a));
    ONE("minus_di_5", TA_MINUS_DI(0, N - 1, h, l, c, 5, &beg, &count, a));
    ONE("willr_14", TA_WILLR(0, N - 1, h, l, c, 14, &beg, &count, a));
    ONE("cci_20", TA_CCI(0, N - 1, h, l, c, 20, &beg, &count, a));
    ONE("cci_5", TA_CCI(0, N - 1, h, l, c, 5, &beg, &count, a));
    ONE("roc_10", TA_ROC(0, N - 1, c, 10, &beg, &count, a));
    ONE("mom_10", TA_MOM(0, N - 1, c, 10, &beg, &count, a));
    ONE("obv", TA_OBV(0, N - 1, c, v, &beg, &count, a));
    ONE("wma_10", TA_WMA(0, N - 1, c, 10, &beg, &count, a));
    ONE("wma_30", TA_WMA(0, N - 1, c, 30, &beg, &count, a));
    ONE("ema_20", TA_EMA(0, N - 1, c, 20, &beg, &count, a));
    ONE("atr_10", TA_ATR(0, N - 1, h, l, c, 10, &beg, &count, a));

    /* HMA(16) from TA-Lib's WMA: WMA(2·WMA(8) − WMA(16), 4) */
    {
        int b1, c1, b2, c2, b3, c3;
        check(TA_WMA(0, N - 1, c, 8, &b1, &c1, t1));
        check(TA_WMA(0, N - 1, c, 16, &b2, &c2, t2));
        for (int i = 0; i < c2; i++) a[i] = 2 * t1[i + (b2 - b1)] - t2[i];
        check(TA_WMA(0, c2 - 1, a, 4, &b3, &c3, b));
        place(column("hma_16"), b, b2 + b3, c3);
    }

    printf("open,high,low,close,volume");
    for (int k = 0; k < cols; k++) printf(",%s", names[k]);
    printf("\n");
    for (int i = 0; i < N; i++)
    {
        printf("%.17g,%.17g,%.17g,%.17g,%.17g", o[i], h[i], l[i], c[i], v[i]);
        for (int k = 0; k < cols; k++) { if (isnan(out[k][i])) printf(","); else printf(",%.17g", out[k][i]); }
        printf("\n");
    }
    TA_Shutdown();
    return 0;
}
