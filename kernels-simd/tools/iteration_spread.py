import random, math
def cf_iters(a, x, TOL=2**-52, BIG=2.0**500):
    xma=x-a; am2,am1,bm2,bm1=1,0,0,1; dam2=dam1=dbm2=dbm1=0; f=df=float('nan')
    for n in range(1,2001):
        m=n-1; al=1 if m==0 else m*(a-m); dal=m; be=xma+(2*m+1)
        an=be*am1+al*am2; bn=be*bm1+al*bm2
        dan=-am1+be*dam1+dal*am2+al*dam2; dbn=-bm1+be*dbm1+dal*bm2+al*dbm2
        am2,am1,bm2,bm1,dam2,dam1,dbm2,dbm1=am1,an,bm1,bn,dam1,dan,dbm1,dbn
        if abs(bn)>BIG or abs(bn)<1/BIG:
            sc=1/BIG if abs(bn)>BIG else BIG
            am2*=sc;am1*=sc;bm2*=sc;bm1*=sc;dam2*=sc;dam1*=sc;dbm2*=sc;dbm1*=sc
        if bm1!=0:
            fn=am1/bm1; dfn=(dam1-fn*dbm1)/bm1
            if abs(fn-f)<=TOL*abs(fn) and abs(dfn-df)<=TOL*abs(dfn): return n
            f,df=fn,dfn
    return 9999
def ser_iters(a,x,TOL=2**-53):
    s=1;ds=0;t=1;h=0
    for n in range(1,2001):
        an=a+n;t*=x/an;h+=1/an;dt=-t*h;s+=t;ds+=dt
        if t<=s*TOL and -dt<=-ds*TOL: return n
    return 9999
# Iteration counts of the scalar series and continued fraction of IncompleteGamma (same formulas and
# tolerances, Python floats are IEEE doubles): mean per element versus mean of the slowest of 8 lanes.
# Run: python3 kernels-simd/tools/iteration_spread.py (numbers quoted in GammaKernels.VECTOR_ITERATION_BUDGET).
r=random.Random(1)
its=[cf_iters(a, a*(2.4+r.random())) for a in [20+r.random()*1e5 for _ in range(2000)]]
print("cf big a: mean", sum(its)/len(its), "max", max(its), "mean of max per 8:", sum(max(its[i:i+8]) for i in range(0,2000,8))/250)
its=[]
for _ in range(2000):
    a=math.exp(math.log(1e-4)+r.random()*math.log(20/1e-4)); its.append(ser_iters(a,(a+1)*r.random()))
print("series a<20: mean", sum(its)/len(its), "max", max(its), "mean of max per 8:", sum(max(its[i:i+8]) for i in range(0,2000,8))/250)
its=[]
for _ in range(2000):
    a=r.random()*20; x=a+1+30*r.random(); its.append(cf_iters(a,x))
print("cf small a: mean", sum(its)/len(its), "max", max(its), "mean of max per 8:", sum(max(its[i:i+8]) for i in range(0,2000,8))/250)
