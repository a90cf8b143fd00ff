package dev.irg.math;

/**
 * Thresholds, region ids and coefficient tables of {@link IncompleteGamma} (no logic). Shared with
 * the SIMD and CUDA backends (the CUDA header is generated from this class by reflection): names are
 * stable. Measurements quoted below are in docs/gamma.md with the commands that reproduce them.
 */
public final class GammaConstants {
    private GammaConstants() {
    }

    /** Region id: invalid input (NaN result), x = 0 or x = +infinity (closed-form results). */
    public static final int REGION_EDGE = 0;
    /** Region id: power series for P (DLMF 8.11.4 / 8.7.1 form), x &lt; a + SERIES_X_OFFSET outside the Temme window. */
    public static final int REGION_SERIES = 1;
    /** Region id: Legendre continued fraction for Q (DLMF 8.9.2), x &ge; a + SERIES_X_OFFSET outside the Temme window. */
    public static final int REGION_CONTINUED_FRACTION = 2;
    /** Region id: Temme's uniform asymptotic expansion (DLMF 8.12.3-8.12.10), a &ge; TEMME_A_MIN and TEMME_LAMBDA_LO &le; x/a &le; TEMME_LAMBDA_HI. */
    public static final int REGION_TEMME = 3;

    /**
     * The series is used for x &lt; a + SERIES_X_OFFSET, the continued fraction above (Numerical Recipes'
     * classic split: the series' terms then fall at least like x/(a+1+n) &lt; 1 and the fraction
     * converges quickly for x &gt; a + 1).
     */
    public static final double SERIES_X_OFFSET = 1.0;
    /**
     * Temme's expansion is used from this a on, inside the lambda window below. With TEMME_K = 13 terms
     * in 1/a and TEMME_N = 34 Taylor terms per c_k, its truncation error is below 1e-18 (absolute, in T
     * and both its derivatives; |T| &ge; 0.26 there) for a &ge; 20 and |eta| &le; 1, and below 1.3e-18
     * relative to the smaller of P and Q (measured against mpmath:
     * {@code python3 tools/coefficients/temme_gamma.py check 13 34} and {@code ... truncation}).
     */
    public static final double TEMME_A_MIN = 20.0;
    /** Lower end of the Temme window in lambda = x/a: eta = -1 (lambda - 1 - log lambda = 1/2), from mpmath. */
    public static final double TEMME_LAMBDA_LO = 0.301709562684336;
    /** Upper end of the Temme window in lambda = x/a: eta = +1, from mpmath. */
    public static final double TEMME_LAMBDA_HI = 2.357676673945899;
    /** Number of terms c_0 .. c_{K-1} of Temme's sum over powers of 1/a. */
    public static final int TEMME_K = 13;
    /** Number of Taylor coefficients (powers eta^0 .. eta^{N-1}) kept per c_k(eta). */
    public static final int TEMME_N = 34;
    /**
     * Fewer terms where fewer suffice (same 1e-18 criterion, measured with
     * {@code python3 tools/coefficients/temme_gamma.py truncation} against 18 terms of 80 Taylor
     * coefficients): for a &ge; TEMME_K_A_MIN[i], the first TEMME_K_COUNT[i] terms c_k a^-k.
     */
    public static final double[] TEMME_K_A_MIN = {20.0, 30.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 10000.0, 100000.0, 1000000.0};
    /** Number of terms c_0 .. c_{TEMME_K_COUNT[i]-1} needed from TEMME_K_A_MIN[i] on. */
    public static final int[] TEMME_K_COUNT = {13, 11, 10, 8, 7, 6, 6, 4, 4, 3};
    /** For |eta| &le; TEMME_N_ETA_MAX[i], the first TEMME_N_COUNT[i] Taylor coefficients of every c_k suffice. */
    public static final double[] TEMME_N_ETA_MAX = {0.015625, 0.03125, 0.0625, 0.125, 0.25, 0.5, 0.75, 1.0};
    /** Number of Taylor coefficients needed up to TEMME_N_ETA_MAX[i]. */
    public static final int[] TEMME_N_COUNT = {9, 10, 11, 13, 16, 22, 27, 34};
    /**
     * Taylor coefficients of Temme's c_k(eta): TEMME_C[k * TEMME_N + j] multiplies eta^j in c_k. Exact
     * power-series arithmetic at 80 digits ({@code python3 tools/coefficients/temme_gamma.py}); the
     * closed forms of c_0 and c_1 are checked there.
     */
    public static final double[] TEMME_C = {
        // c_0
        -0.3333333333333333, 0.08333333333333333, -0.014814814814814815, 0.0011574074074074073,
        0.0003527336860670194, -0.0001787551440329218, 3.919263178522438e-05, -2.185448510679992e-06,
        -1.85406221071516e-06, 8.296711340953087e-07, -1.7665952736826078e-07, 6.707853543401498e-09,
        1.0261809784240309e-08, -4.382036018453353e-09, 9.14769958223679e-10, -2.5514193994946248e-11,
        -5.830772132550426e-11, 2.4361948020667415e-11, -5.0276692801141755e-12, 1.1004392031956135e-13,
        3.371763262400985e-13, -1.392388722418162e-13, 2.8534893807047445e-14, -5.139111834242572e-16,
        -1.9752288294349442e-15, 8.099521156704561e-16, -1.6522531216398162e-16, 2.5305430097478883e-18,
        1.1686939738559576e-17, -4.770037049820485e-18, 9.699126059056237e-19, -1.2932565538038175e-20,
        -6.969230253185693e-20, 2.835145432176937e-20,
        // c_1
        -0.001851851851851852, -0.003472222222222222, 0.0026455026455026454, -0.0009902263374485596,
        0.00020576131687242798, -4.018775720164609e-07, -1.8098550334489977e-05, 7.64916091608111e-06,
        -1.6120900894563446e-06, 4.647127802807434e-09, 1.378633446915721e-07, -5.752545603517705e-08,
        1.1951628599778148e-08, -1.7543241719747647e-11, -1.0091543710600413e-09, 4.162792991842583e-10,
        -8.56390702649298e-11, 6.067215101604758e-14, 7.1624989648114856e-12, -2.933186643771437e-12,
        5.996696365683689e-13, -2.1671786527323313e-16, -4.978339972369262e-14, 2.0291628823713425e-14,
        -4.13125571381061e-15, 8.286516239883097e-19, 3.4100308869333327e-16, -1.3854195302893971e-16,
        2.812346653228875e-17, -3.406444194143029e-21, -2.3109797315115572e-18, 9.366757064132256e-19,
        -1.8972570152858488e-19, 1.4912630740339597e-23,
        // c_2
        0.004133597883597883, -0.0026813271604938273, 0.0007716049382716049, 2.0093878600823047e-06,
        -0.0001073665322636516, 5.2923448829120125e-05, -1.2760635188618728e-05, 3.423578734096138e-08,
        1.3721957309062934e-06, -6.298992138380055e-07, 1.4280614206064242e-07, -2.0477098421990866e-10,
        -1.409252991086752e-08, 6.228974084922022e-09, -1.3670488396617114e-09, 9.428356159014678e-13,
        1.2872252400089318e-10, -5.5645956134363323e-11, 1.197593554636698e-11, -4.1689782251838634e-15,
        -1.0940640427884595e-12, 4.662239946390136e-13, -9.905105763906907e-14, 1.8931876768373515e-17,
        8.859221872591127e-15, -3.737820398046405e-15, 7.868833639035156e-16, -9.000027395741211e-20,
        -6.928881229347671e-17, 2.9020384270164786e-17, -6.067854696810877e-18, 4.472120729796853e-22,
        5.279446144449786e-19, -2.198811233485732e-19,
        // c_3
        0.0006494341563786008, 0.00022947209362139917, -0.0004691894943952557, 0.00026772063206283885,
        -7.561801671883977e-05, -2.396505113867297e-07, 1.1082654115347302e-05, -5.6749528269915965e-06,
        1.4230900732435883e-06, -2.7861080291528143e-11, -1.6958404091930278e-07, 8.099464905388083e-08,
        -1.9111168485973655e-08, 2.3928620439808118e-12, 2.0620131815488797e-09, -9.460496661855133e-10,
        2.1541049775774907e-10, -1.388823336813903e-14, -2.1894761681963938e-11, 9.790998951171684e-12,
        -2.178219188018096e-12, 6.208819573407901e-17, 2.126978363279737e-13, -9.344688791517433e-14,
        2.045367122678285e-14, -2.58260790403495e-19, -1.9405297673344544e-15, 8.415979290484816e-16,
        -1.8200430439538226e-16, 1.0735443641247309e-21, 1.6896828315252834e-17, -7.256111746942148e-18,
        1.5547292746622028e-18, -4.605994752275239e-24,
        // c_4
        -0.0008618882909167117, 0.0007840392217200666, -0.0002990724803031902, -1.4638452578843418e-06,
        6.641498215465122e-05, -3.968365047179435e-05, 1.1375726970678419e-05, 2.507497226237533e-10,
        -1.6954149536558305e-06, 8.907507532205309e-07, -2.292934834000805e-07, 2.956794137544049e-11,
        2.8865829742708783e-08, -1.4189739437803219e-08, 3.4463580499464896e-09, -2.3024517174528067e-13,
        -3.9409233028046403e-10, 1.86023389685045e-10, -4.356323005056618e-11, 1.278600101629623e-15,
        4.67927502665792e-12, -2.149246470613483e-12, 4.908815614809652e-13, -6.33859148489156e-18,
        -5.045332069080094e-14, 2.2722958222901286e-14, -5.096082608472402e-15, 3.0552097557171355e-20,
        5.069021676310552e-16, -2.249383695648181e-16, 4.9751114221314184e-17, -1.4903016393517331e-22,
        -4.8250457744004236e-18, 2.1164667685646584e-18,
        // c_5
        -0.00033679855336635813, -6.972813758365857e-05, 0.0002772753244959392, -0.00019932570516188847,
        6.797780477937208e-05, 1.419062920643967e-07, -1.3594048189768693e-05, 8.018470256334202e-06,
        -2.291481176508095e-06, -3.252473551298454e-10, 3.4652846491085265e-07, -1.8447187191171344e-07,
        4.8240967037894184e-08, -1.7989466721743514e-14, -6.306194500013523e-09, 3.162417628774568e-09,
        -7.840924253697429e-10, 5.192679165254041e-15, 9.358944242306784e-11, -4.513426216163278e-11,
        1.0799129993116828e-11, -3.661886712685252e-17, -1.210902069055155e-12, 5.680743584990564e-13,
        -1.3249659916340829e-13, 1.8987240764284076e-19, 1.4193390236794701e-14, -6.523214701424697e-15,
        1.4925242636202885e-15, -8.800389458732369e-22, -1.544022252303382e-16, 6.984341350227234e-17,
        -1.5742663876248805e-17, 3.932986381427749e-24,
        // c_6
        0.0005313079364639922, -0.0005921664373536939, 0.0002708782096718045, 7.902353232660328e-07,
        -8.153969367561969e-05, 5.61168275310625e-05, -1.8329116582843375e-05, -3.0796134506033047e-09,
        3.465155368803609e-06, -2.0291327396058603e-06, 5.788792863149004e-07, 2.338630673826657e-13,
        -8.828600746330484e-08, 4.7435958880408125e-08, -1.2545415020710383e-08, 8.649648858010293e-14,
        1.6846058979264062e-09, -8.575492823577594e-10, 2.1598224929232125e-10, -7.613230520476153e-16,
        -2.6639822008536144e-11, 1.3065700536611057e-11, -3.1799163902367977e-12, 4.710976121367431e-18,
        3.6902800842763465e-13, -1.7612674046201426e-13, 4.179066786051478e-14, -2.5344679379178804e-20,
        -4.632065942001605e-15, 2.165145485964643e-15, -5.037651764097622e-16, 1.288867868779697e-22,
        5.386866698963065e-17, -2.476815238761488e-17,
        // c_7
        0.00034436760689237765, 5.171790908260592e-05, -0.00033493161081142234, 0.0002812695154763237,
        -0.00010976582244684731, -1.2741009095484485e-07, 2.7744451511563645e-05, -1.8263488805711332e-05,
        5.7876949497350525e-06, 4.93875893393627e-10, -1.0595367014026043e-06, 6.166714376110408e-07,
        -1.7562973359060463e-07, -1.297447328701544e-12, 2.695423606288966e-08, -1.4578352908731272e-08,
        3.887645959386175e-09, -3.881002251019412e-17, -5.327994173877286e-10, 2.7437977643314844e-10,
        -6.995796092070568e-11, 2.589986387486848e-17, 8.856689099669639e-12, -4.403168815871311e-12,
        1.0865561947091654e-12, -2.0467988447416678e-19, -1.2969794421692939e-13, 6.278922059147728e-14,
        -1.5112948371679396e-14, 1.1708345473797399e-21, 1.723797918017873e-15, -8.173490364495222e-16,
        1.929030500558479e-16, -5.878720479461555e-24,
        // c_8
        -0.0006526239185953094, 0.0008394987206720873, -0.000438297098541721, -6.969091458420552e-07,
        0.00016644846642067547, -0.00012783517679769218, 4.629953263691304e-05, 4.557909867922708e-09,
        -1.0595271125805195e-05, 6.783342904865167e-06, -2.1075476666258803e-06, -1.7213731432817144e-11,
        3.773587741611098e-07, -2.1867506700122867e-07, 6.220228804018927e-08, 6.597703826733e-16,
        -9.590386497425686e-09, 5.213214492280807e-09, -1.3991589583935709e-09, 5.382058999060575e-16,
        1.9484714275467745e-10, -1.0127287556389682e-10, 2.6077347197254926e-11, -5.090418699993299e-18,
        -3.3721464474854593e-12, 1.6953089140808568e-12, -4.2316254586191543e-13, 3.3823327480704694e-20,
        5.171393693611211e-14, -2.5337819883238846e-14, 6.172897551625282e-15, -1.9332893057353022e-22,
        -7.214845211021891e-16, 3.463162996521934e-16,
        // c_9
        -0.0005967612901927463, -7.204895416020011e-05, 0.0006782308837667328, -0.0006401475260262758,
        0.00027750107634328704, 1.819700838046515e-07, -8.479507117068503e-05, 6.105192082501531e-05,
        -2.1073920183404862e-05, -8.858589014125599e-10, 4.5284535953805374e-06, -2.8427815022504407e-06,
        8.708234177864641e-07, 3.6886101871706966e-12, -1.534469519070206e-07, 8.862466778790695e-08,
        -2.5184812301826817e-08, -1.0225912098215092e-14, 3.896947075815478e-09, -2.1267304792235634e-09,
        5.737013552805138e-10, -1.8877498501697116e-19, -8.093153869465787e-11, 4.23827232834492e-11,
        -1.1002224534207725e-11, 2.3327607706802836e-19, 1.4479903729175772e-12, -7.347967787383142e-13,
        1.8518691673758749e-13, -1.9887568468966824e-21, -2.308750548951044e-14, 1.1428437899379255e-14,
        -2.813281931871404e-15, 1.2206155710546394e-23,
        // c_10
        0.0013324454494800656, -0.0019144384985654776, 0.0011089369134596636, 9.9324041226423e-07,
        -0.0005087450129309319, 0.00042735056665392886, -0.00016858853767910798, -8.1301893922785e-09,
        4.5284402370562144e-05, -3.127053674781734e-05, 1.044986828530338e-05, 4.8435226265680926e-11,
        -2.148256587345626e-06, 1.329369701097492e-06, -4.029569309210103e-07, -1.756787766632329e-13,
        7.014504316366825e-08, -4.040787734999483e-08, 1.1474026743371964e-08, 3.964274685356394e-18,
        -1.7804938269892715e-09, 9.748026254873165e-10, -2.6405338676507616e-10, 5.79487516340376e-18,
        3.764774955354384e-11, -1.983951296757828e-11, 5.185233656748139e-12, -5.749162558269406e-20,
        -6.926251638432814e-13, 3.542815745370807e-13, -9.002502175000374e-14, 4.0187136062640714e-22,
        1.1417566731145618e-14, -5.7019912628703855e-15,
        // c_11
        0.001579727660730835, 0.00016251626278391583, -0.0020633421035543276, 0.00213896861856891,
        -0.0010108559391263003, -3.99127055299192e-07, 0.0003623502508476469, -0.00028143901463712157,
        0.00010449513336495887, 2.12114184918303e-09, -2.5779417251947842e-05, 1.7281818956040464e-05,
        -5.641377387290428e-06, -1.1024320105776174e-11, 1.1223224418895174e-06, -6.869339637952674e-07,
        2.0653236975414888e-07, 4.6714772409838506e-14, -3.5609886164949055e-08, 2.0470855345905963e-08,
        -5.809173863328336e-09, -1.3328212875828647e-16, 9.035460439133513e-10, -4.959878251733084e-10,
        1.3481607129399748e-10, -1.670378498659395e-21, -1.939350490392558e-11, 1.027416566641991e-11,
        -2.700750630126185e-12, 3.3260696116585926e-21, 3.653621372534978e-13, -1.8816571169948134e-13,
        4.815479814520388e-14, -2.994428122811772e-23,
        // c_12
        -0.004072512119514016, 0.00640336283380807, -0.004041016108167662, -2.1837328028662328e-06,
        0.002174044180125464, -0.001970044051841889, 0.0008359546974796246, 1.9445447567109655e-08,
        -0.000257793871204217, 0.00019009987368139304, -6.769649993743896e-05, -1.4440629666426571e-10,
        1.5712512518742267e-05, -1.0304008744776894e-05, 3.304517767401387e-06, 7.982976024232571e-13,
        -6.4097794149313e-07, 3.8894624761300054e-07, -1.161834764494887e-07, -2.8168086305964423e-15,
        1.9878012911297094e-08, -1.1407719956357511e-08, 3.2355857064185554e-09, 4.1759462466484876e-20,
        -5.042311271810582e-10, 2.7740247286170716e-10, -7.562101761668138e-11, 9.6044764345341e-20,
        1.0960864115705617e-11, -5.833137061908712e-12, 1.5409535404888976e-12, -9.860595283084348e-22,
        -2.1076203853518553e-13, 1.0919144292652915e-13,
    };

    /**
     * a at and above which the prefactor x^a e^-x / Gamma(a) is computed as
     * exp(-a phi(lambda) - log Gamma*(a)) sqrt(a / 2 pi), phi = lambda - 1 - log lambda (no
     * cancellation between a log x and x, no lgamma of a large argument); below, from pow, exp and
     * log Gamma(1 + a), each accurate to an ulp or two there.
     */
    public static final double PREFIX_STIRLING_A_MIN = 1.0;
    /**
     * Largest alpha for which dz/dalpha is given where u = rate z overflows (u above Double.MAX_VALUE with
     * rate and z finite): there dx/dalpha = log x - psi(alpha) up to a relative O(alpha/x) (d Q/d alpha =
     * (log x - psi) Q (1 + O(1/(x log x))), Q/p = 1 + O(alpha/x); measured with mpmath: 1.1e-4 at alpha = 2,
     * x = 1e4; 4.9e-7 at alpha = 50, x = 1e8), so for alpha up to 1e290 and x &ge; 1.8e308 the omitted
     * part is below 1e-18. Above it the first correction is kept: du/dalpha = (log x - psi(alpha)) x/(x - alpha + 1)
     * (Reference.gradFarAboveMean; NaN before, found by a sweep of the whole double range).
     */
    public static final double OVERFLOW_ALPHA_MAX = 1e290;
    /**
     * Below this alpha (2^-100, about 7.9e-31) P, dP/dalpha, Q/alpha and alpha dx/dalpha are evaluated at
     * alpha = TINY_ALPHA_PROXY and scaled (IncompleteGamma.tinyA): as alpha &rarr; 0, P = 1 - alpha E1(x)
     * (1 + O(alpha log^2 x)), dP/dalpha = -E1(x) (1 + O(alpha log^2 x)) and the density is alpha x^(alpha-1)
     * e^-x / Gamma(1 + alpha) with x^alpha = 1 + O(alpha log x), so with |log x| &le; 745 for every
     * positive double these quantities equal their values at the proxy to 4.4e-25 relative. Evaluated
     * directly they lose digits: the prefactor alpha x^alpha e^-x / Gamma(1 + alpha) becomes subnormal or
     * underflows (1.5e-14 relative error of dP/dalpha at alpha = 2.2e-308, x = 5; 0 instead of -E1(300) =
     * -1.7e-133 at alpha = 1e-250, x = 300), and at subnormal alpha P came out as 1 + x and dP/dalpha as NaN
     * (1/alpha overflowing in log x - psi(alpha)); found by a fuzz of the public API. The proxy is as large
     * as the O(alpha log^2 x) term allows, so that alpha e^-x stays normal up to x ~ 640 (beyond, dP/dalpha,
     * below 1e-280 there, comes out 0). A power of two, so that Q's factor alpha/TINY_ALPHA_PROXY is exact.
     */
    public static final double TINY_ALPHA_PROXY = 0x1p-100;
    /**
     * phi(lambda) = lambda - 1 - log lambda is -log1pmx(lambda - 1) for lambda = x/a at and above this
     * value, and (lambda - 1) - log(x/a) below: there x - a has lost the low digits of x (at a = 1,
     * x = 1e-12 the log1pmx form was off by 2e-5 relative in P, spot table), while lambda - 1 is far
     * from 0 and the direct form has no cancellation (|log lambda| &gt; 0.69 &gt; |lambda - 1|).
     */
    public static final double PHI_LOG1PMX_LAMBDA_MIN = 0.5;
    /**
     * Below this a, Q in the series region is formed directly (qSmallA) instead of as 1 - P: there
     * Q ~ a E1(x) is small (at a = 1e-4, x = 0.5, Q = 6e-5 and 1 - P keeps only ~12 digits); from
     * a = 1 on, x &lt; a + 1 gives Q &ge; Q(1, 2) = 0.135 and 1 - P loses less than one digit.
     */
    public static final double Q_SMALL_A_MAX = 1.0;
    /** a at and above which log x - psi(a) is formed as log(x/a) + (log a - psi(a)): the two logs cancel otherwise. */
    public static final double LOG_MINUS_DIGAMMA_A_MIN = 10.0;

    /**
     * Iteration cap of the series; a non-converged element gives NaN. Where classify sends it, the
     * series needed at most 50 terms (a = 19.2, x = a + 0.9) in a float64 replay over a grid of 300
     * alpha in [1e-4, 1e6] times 221 x in [1e-300, 1000 a]; the cap leaves a factor 10.
     */
    public static final int SERIES_MAX_ITER = 500;
    /**
     * Iteration cap of the continued fraction; a non-converged element gives NaN. Measured maximum
     * on the same grid: 93 terms (a = 0.014, x = a + 1); the cap leaves a factor 5.
     */
    public static final int CF_MAX_ITER = 500;
    /** Relative size of the last term (and of its a-derivative) at which the series stops: 2^-53. */
    public static final double SERIES_TOLERANCE = 0x1p-53;
    /** Relative size of the last increment (and of its a-derivative) at which the continued fraction stops: 2^-53. */
    public static final double CF_TOLERANCE = 0x1p-53;
    /** Replaces a zero denominator of the continued fraction (Lentz's device; never met for x &gt; a + 1 in our tests). */
    public static final double CF_TINY = 1e-300;

    /*
     * float32 arithmetic (the SIMD backend's GammaFloatKernels, docs/simd.md "float32 arithmetic"): for
     * float32 results the bulk of the domain is evaluated in float lanes with methods sized for float
     * accuracy; everything outside the ranges below goes to the float64 kernels. The ranges are where
     * the float methods were checked against mpmath (golden tables, f32_switch included).
     */
    /** Smallest a evaluated in float arithmetic (golden table gamma/f32_switch reaches down to 1e-6). */
    public static final double FLOAT_A_MIN = 1e-5;
    /** Largest a evaluated in float arithmetic (the golden tables end at 1e6). */
    public static final double FLOAT_A_MAX = 1e6;
    /**
     * Smallest x = rate z evaluated in float arithmetic: below it the series' x/a and the result come
     * close to float's subnormal range (x^1 of the first term loses bits there).
     */
    public static final double FLOAT_X_MIN = 1e-30;
    /** Largest x evaluated in float arithmetic (products like x (log x - psi(a)) stay far from float overflow). */
    public static final double FLOAT_X_MAX = 1e30;
    /**
     * Relative truncation of the float series and continued fraction: 2^-26, a quarter of float's
     * rounding unit; the neglected tail (a few times the last term where the terms shrink slowly) stays
     * below the float rounding of the result.
     */
    public static final double FLOAT_SUM_TOLERANCE = 0x1p-26;
    /**
     * In float the series is used for x &lt; a + FLOAT_SERIES_X_OFFSET and the continued fraction above
     * (outside the Temme window), instead of at a + SERIES_X_OFFSET: between a + 1/2 and a + 1 the
     * series' bracket S (log x - psi(a+1)) + dS/da cancels (log x - psi(a+1) &gt; 0 from x = exp(psi(a+1))
     * &gt; a + 1/2 on, dS/da &lt; 0; up to a factor 6.3 at x = a + 1, a &rarr; 0) and multiplied the
     * float rounding of its parts (max 1.55e-6 over 2e6 random float operands, at a ~ 4, x ~ a + 1;
     * 2.1e-7 RMS on golden gamma/boundaries in a float emulation), while the fraction's bracket
     * (log x - psi(a)) F + dF/da has terms of one sign for x &gt; exp(psi(a)) &lt; a - 1/2. At x = a + 1/2
     * neither cancels (factor 1.00, float64 replay) and the fraction converges within 45 steps at
     * tolerance 2^-26 (a = 1e-5; 10-16 for a in [3, 20]).
     */
    public static final double FLOAT_SERIES_X_OFFSET = 0.5;
    /**
     * The float series / fraction split for a &ge; FLOAT_PSI_ASYMPTOTIC_MIN - 1 (the series' high psi band,
     * log x - psi(a+1) from log1p((x - y)/y) and the asymptotic series): x = a + 1. There the fraction next to
     * a + 1/2 runs its longest (~sqrt(a) steps) and its float rounding accumulated: median relative error of
     * dz/da 1.8-2.2e-7 for a in [12, 20), x - a in [0.5, 0.75) (the float32 limit is 2e-7; first seen by the
     * blind audit), against 1.2-1.7e-7 with the series there; at a + 3/2 the series' cells grew to 1.4-1.8e-7
     * (SIMD against the float64 reference at the float inputs, 4000 points per cell of a and x - a, 2026-11-29).
     */
    public static final double FLOAT_SERIES_X_OFFSET_HIGH = 1.0;
    /**
     * log x - psi(y) in float: for y &ge; FLOAT_PSI_ASYMPTOTIC_MIN as log(x/y) + 1/(2y) + the first
     * FLOAT_PSI_TERMS terms of DIGAMMA_ASYMPTOTIC (the next term is 1/(240 y^8) &le; 2.5e-9); below,
     * psi(y) from the root series DIGAMMA_ROOT_SERIES on [1, 2] (at most 4 unit steps down, or one up
     * for y &lt; 1). The root series keeps psi accurate relative to itself near its zero: a shift up to
     * y + 6 with the asymptotic series (the first version) lost ~8 ulps of L = log x - psi(y+1) to
     * cancellation at small y and doubled the series region's float error (1.3e-6 -&gt; 2.9e-6 max on the
     * golden tables, float emulation).
     */
    public static final double FLOAT_PSI_ASYMPTOTIC_MIN = 6.0;
    /** Terms of DIGAMMA_ASYMPTOTIC used in float (see FLOAT_PSI_ASYMPTOTIC_MIN). */
    public static final int FLOAT_PSI_TERMS = 3;
    /** Terms of DIGAMMA_ROOT_SERIES used in float on [1, 2] (|s| &le; 0.54: the next term is below 4e-9). */
    public static final int FLOAT_PSI_ROOT_TERMS = 18;
    /**
     * Terms of LGAMMA_STIRLING used in float for log Gamma*(a), a &ge; FLOAT_TEMME_A_MIN: the next is
     * 1/(1188 a^9) &le; 4.3e-10 (absolute in log Gamma*, so relative in Gamma*) at a = 5. (Two terms, enough
     * while the float Temme region began at TEMME_A_MIN = 20, leave 1/(1260 a^5): 2.5e-7 at a = 5.)
     */
    public static final int FLOAT_STIRLING_TERMS = 4;
    /**
     * Temme term counts in float, per class of a (TEMME_K_A_MIN) and of |eta| (TEMME_N_ETA_MAX; beyond
     * the last bound FLOAT_TEMME_N): the smallest counts with which dz/da stays within 1e-8 relative
     * of the full sums (TEMME_K x TEMME_N terms) on a grid of each class
     * ({@code kernels-simd/tools/TemmeF32Counts.java 1e-8 grad}; 1e-8 is 6 times below float's unit
     * roundoff, 6e-8, and 30 times below the float kernels' p99 error against the reference, 3e-7). Until 2026-11-29 the
     * counts for 1e-9: {5, 5, 4, 3, 3, 3, 3, 2, 2, 2} and {4, 5, 5, 6, 7, 10, 11, 15}, beyond 15; the
     * float Gamma kernels' errors did not change measurably with the smaller ones (docs/simd.md).
     */
    public static final int[] FLOAT_TEMME_K_COUNT = {4, 4, 3, 3, 3, 3, 2, 2, 2, 1};
    /**
     * The float kernels group the Temme region's elements in two bands, lambda = x/a inside
     * [FLOAT_TEMME_NEAR_LAMBDA_LO, FLOAT_TEMME_NEAR_LAMBDA_HI] (|eta| &le; 0.25: 7 Taylor terms per c_k,
     * 6 terms of the log1pmx series) and outside (FLOAT_TEMME_N, all 14), and each band runs the counts of
     * its worst case in every vector (fixed counts measured faster than each vector's own: its lane
     * reductions and the unpredictable loop exits cost more than the terms saved; docs/simd.md). |eta| =
     * 0.25 at lambda = 0.7704 and 1.2713 (mpmath): the edges lie just inside (|eta| = 0.2499 and 0.2489).
     */
    public static final double FLOAT_TEMME_NEAR_LAMBDA_LO = 0.7705;
    /** See FLOAT_TEMME_NEAR_LAMBDA_LO. */
    public static final double FLOAT_TEMME_NEAR_LAMBDA_HI = 1.27;
    /** See FLOAT_TEMME_K_COUNT. */
    public static final int[] FLOAT_TEMME_N_COUNT = {4, 4, 5, 6, 7, 8, 10, 13};
    /** See FLOAT_TEMME_K_COUNT: Taylor terms for |eta| beyond the last TEMME_N_ETA_MAX. */
    public static final int FLOAT_TEMME_N = 12;
    /**
     * dz/da in float arithmetic takes Temme's expansion from this a on (inside the lambda window TEMME_LAMBDA_LO
     * .. TEMME_LAMBDA_HI), not only from TEMME_A_MIN: for a in [FLOAT_TEMME_A_MIN, TEMME_A_MIN) with
     * FLOAT_TEMME_LOW_K terms in 1/a and FLOAT_TEMME_LOW_N Taylor terms per c_k, the truncated sums give dz/da
     * within 5.9e-9 relative of the float64 reference over the window (grid of 21 a x 101 lambda,
     * {@code kernels-simd/tools/TemmeLowCounts.java 1e-8}; the counts are those of a in [5, 6): 7 x 14 suffice in
     * [6, 8), 6 x 13 in [8, 10)); the full 13 x 34 sums are within 3.2e-11 of the reference at a = 5, 6.7e-10 at 4 and 3.4e-8 at 3,
     * where the expansion runs out). There the series and the continued fraction need tens of steps per lane: on
     * the float32 sampler's pairs with a in [5, 20), 9.4 ns per element of CPU time with them, 5.1 with Temme
     * ({@code kernels-simd/tools/ab}, mode low, the two builds in one JVM).
     * dP/da keeps TEMME_A_MIN (its float Temme elements are widened).
     */
    public static final double FLOAT_TEMME_A_MIN = 5.0;
    /** See FLOAT_TEMME_A_MIN. */
    public static final int FLOAT_TEMME_LOW_K = 8;
    /** See FLOAT_TEMME_A_MIN. */
    public static final int FLOAT_TEMME_LOW_N = 14;
    /**
     * Counts for a in [FLOAT_TEMME_A_MIN, TEMME_A_MIN) and lambda inside [FLOAT_TEMME_NEAR_LAMBDA_LO,
     * FLOAT_TEMME_NEAR_LAMBDA_HI] (|eta| &le; 0.25): 7 x 7 terms, within 4.1e-9 of the reference (same tool and grid).
     */
    public static final int FLOAT_TEMME_LOW_NEAR_K = 7;
    /** See FLOAT_TEMME_LOW_NEAR_K. */
    public static final int FLOAT_TEMME_LOW_NEAR_N = 7;
    /**
     * phi = -log1pmx(t) in float from the atanh series in u = t/(2+t) (LOG1PMX_SERIES): where u^2 is at
     * most FLOAT_LOG1PMX_U2_MAX[i], FLOAT_LOG1PMX_TERMS[i] terms suffice, else all 14
     * (u^2 &le; 0.29 over the Temme window): the neglected tail, at most u^(2k+1)/(2k+3) relative to phi,
     * stays below 1e-9.
     */
    public static final double[] FLOAT_LOG1PMX_U2_MAX = {0.01, 0.05, 0.15};
    /** See FLOAT_LOG1PMX_U2_MAX. */
    public static final int[] FLOAT_LOG1PMX_TERMS = {4, 6, 9};
}
