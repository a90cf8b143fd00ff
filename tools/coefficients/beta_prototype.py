"""Float64 prototype of dev.irg.math.IncompleteBeta (the design study behind it; not used by the
build). Same arithmetic as the Java code, except that the special-function helpers (lgamma,
digamma, log x - psi, Stirling correction, log1pmx) are mpmath values rounded to float64.
beta_all = plain continued fraction DLMF 8.17.22 (loses digits ~ its value near x = 1: 1e-10 at
a = 1e6, b = 1e-4); beta_all2 = even contraction with cancellation-free partial denominators;
beta_all3 = beta_all2 plus the power series and the complement formula (the shipped method).
"""
import math, mpmath as mp
mp.mp.dps=40
def F(v): return float(v)
def lgamma(z): return math.lgamma(z)
def digamma(z): return F(mp.digamma(z))
def lmd(z): return F(mp.log(z)-mp.digamma(z))
def corr(z):
    z=mp.mpf(z); return F(mp.loggamma(z)-((z-0.5)*mp.log(z)-z+mp.log(2*mp.pi)/2))
def log1pmx(t): t=mp.mpf(t); return F(mp.log1p(t)-t)
HALF_LOG_2PI=0.5*math.log(2*math.pi)
STIRLING_MIN=8.0
def two_prod(a,b):
    p=a*b; e=F(mp.mpf(a)*b-p); return p,e
def delta(a,b,x,y,xsmall):
    # d = x(a+b) - a = b - y(a+b), compensated
    s=a+b; es=F(mp.mpf(a)+b-s)
    if xsmall:
        p,e=two_prod(x,s); return (p-a)+e+x*es
    else:
        p,e=two_prod(y,s); return (b-p)-e-y*es
def lgamma1p(z): return F(mp.loggamma(1+mp.mpf(z)))
def logpref(a,b,lx,ly,d,withy=True):
    """log(x^a y^b/(a B(a,b))) (without y^b if not withy), d/da, d/db"""
    wy = b*ly if withy else 0.0
    if a>=STIRLING_MIN and b>=STIRLING_MIN and (abs(d/a)>0.5 or abs(d/b)>0.5):
        L=a*(lx+math.log1p(b/a))+b*(ly+math.log1p(a/b))+0.5*math.log(a*b/(a+b))-HALF_LOG_2PI-math.log(a)-(corr(a)+corr(b)-corr(a+b))
    elif a>=STIRLING_MIN and b>=STIRLING_MIN:
        L=a*log1pmx(d/a)+b*log1pmx(-d/b)+0.5*math.log(a*b/(a+b))-HALF_LOG_2PI-math.log(a)-(corr(a)+corr(b)-corr(a+b))
    elif a<STIRLING_MIN and b>=STIRLING_MIN:
        L=a*(lx+math.log(a+b))+wy+b*log1pmx(a/b)-0.5*math.log1p(a/b)-lgamma1p(a)-corr(b)+corr(a+b)
    elif b<STIRLING_MIN and a>=STIRLING_MIN:
        L=b*math.log(a+b)+wy+a*lx+a*log1pmx(b/a)-0.5*math.log1p(b/a)-lgamma(b)-math.log(a)-corr(a)+corr(a+b)
    else:
        L=a*lx+wy-lgamma1p(a)-lgamma(b)+lgamma(a+b)
    if a>=STIRLING_MIN and b>=STIRLING_MIN and not withy:
        L-=b*ly
    lxa = math.log1p(d/a) if abs(d/a)<=0.5 else lx+math.log1p(b/a)   # log(x(a+b)/a)
    lyb = math.log1p(-d/b) if abs(d/b)<=0.5 else ly+math.log1p(a/b)  # log(y(a+b)/b)
    if a>=1: La=lxa+(lmd(a)-1/a)-lmd(a+b)
    else: La=lx+math.log(a+b)-lmd(a+b)-digamma(a+1)
    Lb=lyb+lmd(b)-lmd(a+b)
    return L,La,Lb
def cf(a,b,x,La,Lb,cap=10000,eps=4.4e-16):
    # convergents A/B with derivative channels; b_n = 1; a_1=1, a_{m+1}=d_m
    Am2,Am1=1.0,0.0; Bm2,Bm1=0.0,1.0
    dAa2=dAa1=dBa2=dBa1=0.0; dAb2=dAb1=dBb2=dBb1=0.0
    # step n=1: a1=1
    A=Am1+Am2; B=Bm1+Bm2  # =1,1
    Am2,Am1=Am1,A; Bm2,Bm1=Bm1,B
    f=1.0; Ta=La; Tb=Lb
    for m in range(1,cap):
        k=m//2
        if m%2==0:
            den=(a+2*k-1)*(a+2*k)
            d=k*(b-k)*x/den
            da=-d*(1/(a+2*k-1)+1/(a+2*k)); db=k*x/den
        else:
            den=(a+2*k)*(a+2*k+1)
            d=-(a+k)*(a+b+k)*x/den
            da=d*(k/((a+k)*(a+2*k)) + (k+1-b)/((a+b+k)*(a+2*k+1)))
            db=-(a+k)*x/den
        A=Am1+d*Am2; B=Bm1+d*Bm2
        dAa=dAa1+d*dAa2+da*Am2; dBa=dBa1+d*dBa2+da*Bm2
        dAb=dAb1+d*dAb2+db*Am2; dBb=dBb1+d*dBb2+db*Bm2
        # rescale so that B = 1
        s=1.0/B
        Am2,Am1=Am1*s,A*s; Bm2,Bm1=Bm1*s,1.0
        dAa2,dAa1=dAa1*s,dAa*s; dBa2,dBa1=dBa1*s,dBa*s
        dAb2,dAb1=dAb1*s,dAb*s; dBb2,dBb1=dBb1*s,dBb*s
        fn=Am1; fa=dAa1-fn*dBa1; fb=dAb1-fn*dBb1
        Tan=fn*La+fa; Tbn=fn*Lb+fb
        if abs(fn-f)<=eps*abs(fn) and abs(Tan-Ta)<=eps*abs(Tan) and abs(Tbn-Tb)<=eps*abs(Tbn):
            return fn,Tan,Tbn,m
        f,Ta,Tb=fn,Tan,Tbn
    return float('nan'),float('nan'),float('nan'),cap
def beta_all(a,b,x):
    y=1-x
    lx=math.log(x); ly=math.log1p(-x)
    swap = x > (a+1)/(a+b+2)
    if not swap:
        d=delta(a,b,x,y,x<=0.5)
        L,La,Lb=logpref(a,b,lx,ly,d)
        f,Ta,Tb,n=cf(a,b,x,La,Lb)
        e=math.exp(L); q=x*y/a
        return e*f, e*Ta, e*Tb, -q*Ta, -q*Tb, n
    else:
        # J = I_y(b,a); first param b, second a
        d=delta(b,a,y,x,x>=0.5)   # d' = y(a+b) - b
        L,Lb_,La_=logpref(b,a,ly,lx,d)
        f,Tb_,Ta_,n=cf(b,a,y,Lb_,La_)
        e=math.exp(L); q=x*y/b
        return 1-e*f, -e*Ta_, -e*Tb_, q*Ta_, q*Tb_, n

def dterms(p,q,u,m):
    """d_m and its p-, q-derivatives (DLMF 8.17.22 numerators)."""
    k=m//2
    if m%2==0:
        den=(p+2*k-1)*(p+2*k)
        d=k*(q-k)*u/den
        return d, -d*(1/(p+2*k-1)+1/(p+2*k)), k*u/den
    den=(p+2*k)*(p+2*k+1)
    d=-(p+k)*(p+q+k)*u/den
    return d, d*(k/((p+k)*(p+2*k)) + (k+1-q)/((p+q+k)*(p+2*k+1))), -(p+k)*u/den

def cf2(p,q,u,v,dd,Lp,Lq,cap=10000,eps=4.4e-16):
    """even contraction: f = 1/(beta_0 - alpha_1/(beta_1 - alpha_2/(beta_2 - ...)))
    beta_k = 1 + d_2k + d_2k+1 computed cancellation-free from dd = u(p+q)-p; alpha_k = d_{2k-1} d_{2k}"""
    def beta(k):
        N=-p*dd+p*(2*k+1)+2*k*(k+1)+(2*k*(q-k)*u/(p+2*k-1) if k>0 else 0.0)+2*k*v*(p+k)
        D=(p+2*k)*(p+2*k+1)
        e,ep,eq=dterms(p,q,u,2*k) if k>0 else (0.0,0.0,0.0)
        o,op,oq=dterms(p,q,u,2*k+1)
        return N/D, ep+op, eq+oq
    # T = beta0 + K(-alpha_k/beta_k); recurrence A_k = beta_k A_{k-1} - alpha_k A_{k-2}
    b0,b0p,b0q=beta(0)
    Am2,Am1=1.0,b0; Bm2,Bm1=0.0,1.0
    dAp2,dAp1=0.0,b0p; dAq2,dAq1=0.0,b0q
    dBp2=dBp1=dBq2=dBq1=0.0
    # normalize A=1
    s=1/Am1
    Am2*=s; Am1=1.0; Bm2*=s; Bm1*=s; dAp2*=s; dAp1*=s; dAq2*=s; dAq1*=s
    f=Bm1; Tp=f*Lp+(dBp1-f*dAp1); Tq=f*Lq+(dBq1-f*dAq1)
    dprev=dterms(p,q,u,1)
    for k in range(1,cap):
        o1,o1p,o1q=dprev                  # d_{2k-1}
        e,ep,eq=dterms(p,q,u,2*k)         # d_{2k}
        al=o1*e; alp=o1p*e+o1*ep; alq=o1q*e+o1*eq
        bk,bkp,bkq=beta(k)
        dprev=dterms(p,q,u,2*k+1)
        A=bk*Am1-al*Am2; B=bk*Bm1-al*Bm2
        dAp=bk*dAp1+bkp*Am1-al*dAp2-alp*Am2; dAq=bk*dAq1+bkq*Am1-al*dAq2-alq*Am2
        dBp=bk*dBp1+bkp*Bm1-al*dBp2-alp*Bm2; dBq=bk*dBq1+bkq*Bm1-al*dBq2-alq*Bm2
        s=1/A
        Am2,Am1=Am1*s,1.0; Bm2,Bm1=Bm1*s,B*s
        dAp2,dAp1=dAp1*s,dAp*s; dAq2,dAq1=dAq1*s,dAq*s
        dBp2,dBp1=dBp1*s,dBp*s; dBq2,dBq1=dBq1*s,dBq*s
        fn=Bm1; fp=dBp1-fn*dAp1; fq=dBq1-fn*dAq1
        Tpn=fn*Lp+fp; Tqn=fn*Lq+fq
        if abs(fn-f)<=eps*abs(fn) and abs(Tpn-Tp)<=eps*abs(Tpn) and abs(Tqn-Tq)<=eps*abs(Tqn):
            return fn,Tpn,Tqn,k
        f,Tp,Tq=fn,Tpn,Tqn
    return float('nan'),float('nan'),float('nan'),cap

def beta_all2(a,b,x):
    y=1-x
    lx=math.log(x); ly=math.log1p(-x)
    swap = x > (a+1)/(a+b+2)
    if not swap:
        d=delta(a,b,x,y,x<=0.5)
        L,La,Lb=logpref(a,b,lx,ly,d)
        f,Ta,Tb,n=cf2(a,b,x,y,d,La,Lb)
        e=math.exp(L); q=x*y/a
        return e*f, e*Ta, e*Tb, -q*Ta, -q*Tb, n
    else:
        d=delta(b,a,y,x,x>=0.5)
        L,Lb_,La_=logpref(b,a,ly,lx,d)
        f,Tb_,Ta_,n=cf2(b,a,y,x,d,Lb_,La_)
        e=math.exp(L); q=x*y/b
        return 1-e*f, -e*Ta_, -e*Tb_, q*Ta_, q*Tb_, n

SERIES_QU_MAX=2.0
def series(p,q,u,v,lu,lv,dd,cap=2000,eps=4.4e-16):
    """V = I_u(p,q) = e^E (1 + p S'), S' = sum_{j>=1} c_j/(p+j), c_j = (1-q)_j u^j / j!"""
    E,Lp,Lq=logpref(p,q,lu,lv,dd,False)
    Eq=Lq-lv
    c=1.0; cq=0.0
    S=0.0; Sq=0.0; Wp=0.0
    for j in range(1,cap):
        cq=cq*(j-q)*u/j - c*u/j
        c=c*(j-q)*u/j
        t=c/(p+j)
        S+=t; Sq+=cq/(p+j); Wp+=t*j/(p+j)
        if abs(t)<=eps*abs(S) and abs(cq/(p+j))<=eps*abs(Sq) or c==0:
            break
    else:
        return None
    W=1+p*S; Wq=p*Sq
    Tp=W*Lp+Wp; Tq=W*Eq+Wq
    eE=math.exp(E)
    V=eE*W
    comp=-math.expm1(E)-eE*p*S
    g=u*math.exp((1-q)*lv)/p
    return V,comp,eE*Tp,eE*Tq,g*Tp,g*Tq

def beta_all3(a,b,x):
    y=1-x
    lx=math.log(x); ly=math.log1p(-x)
    swap = x > (a+1)/(a+b+2)
    if not swap:
        if x<=0.5 and b*x<=SERIES_QU_MAX:
            d=delta(a,b,x,y,x<=0.5)
            V,comp,Da,Db,Ga,Gb=series(a,b,x,y,lx,ly,d)
            return V,Da,Db,-Ga,-Gb,-1
        return beta_all2(a,b,x)
    else:
        if y<=0.5 and a*y<=SERIES_QU_MAX:
            d=delta(b,a,y,x,x>=0.5)
            V,comp,Db,Da,Gb,Ga=series(b,a,y,x,ly,lx,d)
            return comp,-Da,-Db,Ga,Gb,-2
        return beta_all2(a,b,x)
