/// A paper, cited by title, authors, year and venue (citations only, no abstracts).
public struct Citation: Sendable, Hashable {
    public let title: String
    /// All authors as "First Last, First Last, …" (as the paper lists them).
    public let authors: String
    public let year: Int
    /// Conference or journal, short form (e.g. "ICCV", "NeurIPS", "ICLR", "CVPR", "ICML", "JMLR",
    /// "Monthly Weather Review", "Annals of Mathematical Statistics", "arXiv"); a book gives its publisher.
    public let venue: String

    public init(title: String, authors: String, year: Int, venue: String) {
        self.title = title
        self.authors = authors
        self.year = year
        self.venue = venue
    }

    /// The authors one by one ("First Last").
    var authorNames: [String] {
        authors.split(separator: ",").map { String($0.drop(while: { $0 == " " })) }.filter { !$0.isEmpty }
    }

    /// The first author's family name, e.g. "Lin", "de Brébisson".
    public var firstAuthor: String {
        Citation.familyName(of: authorNames.first ?? authors)
    }

    /// "Lin et al. 2017" / "Huber 1964" / "Crammer & Singer 2001".
    public var short: String {
        let names = authorNames
        switch names.count {
        case 0, 1: return "\(firstAuthor) \(year)"
        case 2: return "\(firstAuthor) & \(Citation.familyName(of: names[1])) \(year)"
        default: return "\(firstAuthor) et al. \(year)"
        }
    }

    /// Lower-case particles that belong to the family name ("de Brébisson", "van der Maaten").
    private static let particles: Set<String> = ["de", "del", "della", "di", "da", "du", "van", "von", "der", "den", "le", "la"]

    /// The family name of "First [Middle] Last": the last word, or from a particle to the end; a trailing "Jr." is dropped.
    static func familyName(of name: String) -> String {
        var words = name.split(separator: " ").map(String.init)
        if let last = words.last, last == "Jr." || last == "Jr" { words.removeLast() }
        guard words.count > 1 else { return words.first ?? name }
        for i in 1..<(words.count - 1) where particles.contains(words[i]) {
            return words[i...].joined(separator: " ")
        }
        return words[words.count - 1]
    }
}

/// Where a loss comes from: the paper that introduced it, and the reading-list papers that study or extend it.
public struct LossProvenance: Sendable {
    public let origin: Citation
    public let studiedIn: [Citation]
}

/// The papers behind losscape's losses: where each loss comes from and which reading-list papers study it.
public enum LossPapers {
    // MARK: Classification

    /// Softmax outputs read as class posteriors and trained by their log-likelihood (softmax cross-entropy).
    private static let bridle1990probabilistic = Citation(
        title: "Probabilistic Interpretation of Feedforward Classification Network Outputs, "
            + "with Relationships to Statistical Pattern Recognition",
        authors: "John S. Bridle", year: 1990,
        venue: "Neurocomputing: Algorithms, Architectures and Applications (NATO ASI Series)")
    private static let szegedy2016rethinking = Citation(
        title: "Rethinking the Inception Architecture for Computer Vision",
        authors: "Christian Szegedy, Vincent Vanhoucke, Sergey Ioffe, Jonathon Shlens, Zbigniew Wojna",
        year: 2016, venue: "CVPR")
    private static let lin2017focal = Citation(
        title: "Focal Loss for Dense Object Detection",
        authors: "Tsung-Yi Lin, Priya Goyal, Ross Girshick, Kaiming He, Piotr Dollár",
        year: 2017, venue: "ICCV")
    private static let leng2022polyloss = Citation(
        title: ReadingList.polyLoss.title,
        authors: "Zhaoqi Leng, Mingxing Tan, Chenxi Liu, Ekin Dogus Cubuk, Xiaojie Shi, Shuyang Cheng, Dragomir Anguelov",
        year: 2022, venue: "ICLR")
    private static let brier1950verification = Citation(
        title: "Verification of Forecasts Expressed in Terms of Probability",
        authors: "Glenn W. Brier", year: 1950, venue: "Monthly Weather Review")
    private static let ghosh2017robust = Citation(
        title: "Robust Loss Functions under Label Noise for Deep Neural Networks",
        authors: "Aritra Ghosh, Himanshu Kumar, P. S. Sastry", year: 2017, venue: "AAAI")
    private static let zhang2018generalized = Citation(
        title: "Generalized Cross Entropy Loss for Training Deep Neural Networks with Noisy Labels",
        authors: "Zhilu Zhang, Mert R. Sabuncu", year: 2018, venue: "NeurIPS")
    private static let wang2019symmetric = Citation(
        title: "Symmetric Cross Entropy for Robust Learning with Noisy Labels",
        authors: "Yisen Wang, Xingjun Ma, Zaiyi Chen, Yuan Luo, Jinfeng Yi, James Bailey",
        year: 2019, venue: "ICCV")
    private static let ma2020normalized = Citation(
        title: ReadingList.normalizedLosses.title,
        authors: "Xingjun Ma, Hanxun Huang, Yisen Wang, Simone Romano, Sarah Erfani, James Bailey",
        year: 2020, venue: "ICML")
    private static let mao2023crossentropy = Citation(
        title: ReadingList.crossEntropyLosses.title,
        authors: "Anqi Mao, Mehryar Mohri, Yutao Zhong", year: 2023, venue: "ICML")
    private static let debrebisson2016exploration = Citation(
        title: "An Exploration of Softmax Alternatives Belonging to the Spherical Loss Family",
        authors: "Alexandre de Brébisson, Pascal Vincent", year: 2016, venue: "ICLR")
    private static let hui2023squentropy = Citation(
        title: ReadingList.squentropy.title,
        authors: "Like Hui, Mikhail Belkin, Stephen Wright", year: 2023, venue: "ICML")
    private static let zhao2022wellclassified = Citation(
        title: ReadingList.wellClassified.title,
        authors: "Guangxiang Zhao, Wenkai Yang, Xuancheng Ren, Lei Li, Yunfang Wu, Xu Sun",
        year: 2022, venue: "AAAI")
    private static let zhu2023ldr = Citation(
        title: ReadingList.ldr.title,
        authors: "Dixian Zhu, Yiming Ying, Tianbao Yang", year: 2023, venue: "ICML")
    private static let martins2016sparsemax = Citation(
        title: ReadingList.sparsemax.title,
        authors: "André F. T. Martins, Ramón Fernandez Astudillo", year: 2016, venue: "ICML")
    private static let debrebisson2016zloss = Citation(
        title: ReadingList.zLoss.title,
        authors: "Alexandre de Brébisson, Pascal Vincent", year: 2016, venue: "arXiv")
    private static let crammer2001multiclass = Citation(
        title: "On the Algorithmic Implementation of Multiclass Kernel-based Vector Machines",
        authors: "Koby Crammer, Yoram Singer", year: 2001, venue: "JMLR")
    private static let weston1999multiclass = Citation(
        title: "Support Vector Machines for Multi-Class Pattern Recognition",
        authors: "Jason Weston, Chris Watkins", year: 1999, venue: "ESANN")
    /// The squared hinge (L2 loss) on Crammer and Singer's multiclass margin. The binary squared hinge (L2-SVM) is
    /// older (the soft-margin SVM of Cortes & Vapnik 1995); this is the first paper to work out the multiclass form.
    private static let lee2013squaredhinge = Citation(
        title: "A Study on L2-Loss (Squared Hinge-Loss) Multiclass SVM",
        authors: "Ching-Pei Lee, Chih-Jen Lin", year: 2013, venue: "Neural Computation")
    private static let freund1997boosting = Citation(
        title: "A Decision-Theoretic Generalization of On-Line Learning and an Application to Boosting",
        authors: "Yoav Freund, Robert E. Schapire", year: 1997, venue: "Journal of Computer and System Sciences")
    private static let zhang2004sgd = Citation(
        title: "Solving Large Scale Linear Prediction Problems Using Stochastic Gradient Descent Algorithms",
        authors: "Tong Zhang", year: 2004, venue: "ICML")
    private static let menon2021logit = Citation(
        title: "Long-tail learning via logit adjustment",
        authors: "Aditya Krishna Menon, Sadeep Jayasumana, Ankit Singh Rawat, Himanshu Jain, Andreas Veit, Sanjiv Kumar",
        year: 2021, venue: "ICLR")
    private static let cao2019ldam = Citation(
        title: "Learning Imbalanced Datasets with Label-Distribution-Aware Margin Loss",
        authors: "Kaidi Cao, Colin Wei, Adrien Gaidon, Nikos Arechiga, Tengyu Ma", year: 2019, venue: "NeurIPS")

    // MARK: Embedding (cosine head, pairs of normalised embeddings)

    /// Softmax over the cosines of L2-normalised features and class weights, times a scale s. The L2-constrained
    /// softmax of Ranjan, Castillo & Chellappa (2017), which normalises the features only, is concurrent.
    private static let wang2017normface = Citation(
        title: "NormFace: L2 Hypersphere Embedding for Face Verification",
        authors: "Feng Wang, Xiang Xiang, Jian Cheng, Alan L. Yuille", year: 2017, venue: "ACM Multimedia")
    /// The large margin cosine loss. The same loss was published concurrently as AM-softmax ("Additive Margin Softmax
    /// for Face Verification", Feng Wang, Jian Cheng, Weiyang Liu, Haijun Liu, IEEE Signal Processing Letters 2018).
    private static let wang2018cosface = Citation(
        title: "CosFace: Large Margin Cosine Loss for Deep Face Recognition",
        authors: "Hao Wang, Yitong Wang, Zheng Zhou, Xing Ji, Dihong Gong, Jingchao Zhou, Zhifeng Li, Wei Liu",
        year: 2018, venue: "CVPR")
    /// The CVPR version (four authors); the later TPAMI version adds sub-centres and two authors.
    private static let deng2019arcface = Citation(
        title: "ArcFace: Additive Angular Margin Loss for Deep Face Recognition",
        authors: "Jiankang Deng, Jia Guo, Niannan Xue, Stefanos Zafeiriou", year: 2019, venue: "CVPR")
    private static let sun2020circle = Citation(
        title: ReadingList.circleLoss.title,
        authors: "Yifan Sun, Changmao Cheng, Yuhan Zhang, Chi Zhang, Liang Zheng, Zhongdao Wang, Yichen Wei",
        year: 2020, venue: "CVPR")
    /// The cosine contrastive loss (CCL), defined on user–item pairs for collaborative filtering.
    private static let mao2021simplex = Citation(
        title: ReadingList.simpleX.title,
        authors: "Kelong Mao, Jieming Zhu, Jinpeng Wang, Quanyu Dai, Zhenhua Dong, Xi Xiao, Xiuqiang He",
        year: 2021, venue: "CIKM")
    /// The margin contrastive loss on pairs (DrLIM). Chopra, Hadsell & LeCun (2005) had trained a siamese network with a
    /// different contrastive energy loss; the squared-hinge form is this paper's.
    private static let hadsell2006dimensionality = Citation(
        title: "Dimensionality Reduction by Learning an Invariant Mapping",
        authors: "Raia Hadsell, Sumit Chopra, Yann LeCun", year: 2006, venue: "CVPR")
    /// The triplet loss on L2-normalised deep embeddings, squared distances, margin 0.2. The large-margin triplet
    /// constraint itself goes back to Weinberger & Saul's LMNN.
    private static let schroff2015facenet = Citation(
        title: "FaceNet: A Unified Embedding for Face Recognition and Clustering",
        authors: "Florian Schroff, Dmitry Kalenichenko, James Philbin", year: 2015, venue: "CVPR")
    /// Batch-hard mining for the triplet loss: each anchor's farthest positive and nearest negative in the batch.
    private static let hermans2017defense = Citation(
        title: "In Defense of the Triplet Loss for Person Re-Identification",
        authors: "Alexander Hermans, Lucas Beyer, Bastian Leibe", year: 2017, venue: "arXiv")
    private static let khosla2020supcon = Citation(
        title: "Supervised Contrastive Learning",
        authors: "Prannay Khosla, Piotr Teterwak, Chen Wang, Aaron Sarna, Yonglong Tian, Phillip Isola, Aaron Maschinot, "
            + "Ce Liu, Dilip Krishnan",
        year: 2020, venue: "NeurIPS")
    /// Alignment (mean ‖ĥ_i − ĥ_j‖² over positive pairs) and uniformity (log mean e^{−t‖ĥ_i − ĥ_j‖²}, t = 2) of
    /// normalised embeddings: the origin of the two embedding-geometry metrics, not of a loss.
    public static let wang2020alignment = Citation(
        title: "Understanding Contrastive Representation Learning through Alignment and Uniformity on the Hypersphere",
        authors: "Tongzhou Wang, Phillip Isola", year: 2020, venue: "ICML")

    // MARK: Regression

    /// Least squares (the appendix "Sur la méthode des moindres quarrés"); Gauss's 1809 Theoria motus is the other classic.
    private static let legendre1805nouvelles = Citation(
        title: "Nouvelles méthodes pour la détermination des orbites des comètes",
        authors: "Adrien-Marie Legendre", year: 1805, venue: "Firmin Didot, Paris")
    /// Least absolute deviations: Boscovich fitted a line by the least sum of absolute residuals (the classic origin of
    /// the L1 fit; Laplace later gave it algebraic form).
    private static let boscovich1757litteraria = Citation(
        title: "De litteraria expeditione per pontificiam ditionem, et synopsis amplioris operis, "
            + "ac habentur plura ejus ex exemplaria etiam sensorum impressa",
        authors: "Roger Joseph Boscovich", year: 1757,
        venue: "De Bononiensi Scientiarum et Artium Instituto atque Academia Commentarii")
    private static let huber1964robust = Citation(
        title: "Robust Estimation of a Location Parameter",
        authors: "Peter J. Huber", year: 1964, venue: "Annals of Mathematical Statistics")
    /// The Charbonnier penalty 2√(1 + t²) − 2, which "pseudo-Huber" rescales.
    private static let charbonnier1994halfquadratic = Citation(
        title: "Two deterministic half-quadratic regularization algorithms for computed imaging",
        authors: "Pierre Charbonnier, Laure Blanc-Féraud, Gilles Aubert, Michel Barlaud", year: 1994, venue: "ICIP")
    /// A survey that presents log-cosh; no originating paper for log-cosh is known.
    private static let terven2023survey = Citation(
        title: ReadingList.lossSurvey.title,
        authors: "Juan Terven, Diana M. Cordova-Esparza, Alfonso Ramirez-Pedraza, Edgar A. Chavez-Urbiola, "
            + "Julio A. Romero-Gonzalez",
        year: 2023, venue: "arXiv")
    private static let koenker1978quantiles = Citation(
        title: "Regression Quantiles",
        authors: "Roger Koenker, Gilbert Bassett Jr.", year: 1978, venue: "Econometrica")
    private static let godin2025zerror = Citation(
        title: ReadingList.zError.title,
        authors: "Guillaume Godin", year: 2025, venue: "arXiv")
    private static let girshick2015fastrcnn = Citation(
        title: "Fast R-CNN",
        authors: "Ross Girshick", year: 2015, venue: "ICCV")

    /// Every paper losscape cites, keyed by a short id ("lin2017focal").
    public static let all: [String: Citation] = [
        "bridle1990probabilistic": bridle1990probabilistic,
        "szegedy2016rethinking": szegedy2016rethinking,
        "lin2017focal": lin2017focal,
        "leng2022polyloss": leng2022polyloss,
        "brier1950verification": brier1950verification,
        "ghosh2017robust": ghosh2017robust,
        "zhang2018generalized": zhang2018generalized,
        "wang2019symmetric": wang2019symmetric,
        "ma2020normalized": ma2020normalized,
        "mao2023crossentropy": mao2023crossentropy,
        "debrebisson2016exploration": debrebisson2016exploration,
        "hui2023squentropy": hui2023squentropy,
        "zhao2022wellclassified": zhao2022wellclassified,
        "zhu2023ldr": zhu2023ldr,
        "martins2016sparsemax": martins2016sparsemax,
        "debrebisson2016zloss": debrebisson2016zloss,
        "crammer2001multiclass": crammer2001multiclass,
        "weston1999multiclass": weston1999multiclass,
        "lee2013squaredhinge": lee2013squaredhinge,
        "freund1997boosting": freund1997boosting,
        "zhang2004sgd": zhang2004sgd,
        "menon2021logit": menon2021logit,
        "cao2019ldam": cao2019ldam,
        "wang2017normface": wang2017normface,
        "wang2018cosface": wang2018cosface,
        "deng2019arcface": deng2019arcface,
        "sun2020circle": sun2020circle,
        "mao2021simplex": mao2021simplex,
        "hadsell2006dimensionality": hadsell2006dimensionality,
        "schroff2015facenet": schroff2015facenet,
        "hermans2017defense": hermans2017defense,
        "khosla2020supcon": khosla2020supcon,
        "wang2020alignment": wang2020alignment,
        "legendre1805nouvelles": legendre1805nouvelles,
        "boscovich1757litteraria": boscovich1757litteraria,
        "huber1964robust": huber1964robust,
        "charbonnier1994halfquadratic": charbonnier1994halfquadratic,
        "terven2023survey": terven2023survey,
        "koenker1978quantiles": koenker1978quantiles,
        "godin2025zerror": godin2025zerror,
        "girshick2015fastrcnn": girshick2015fastrcnn,
    ]

    /// Provenance of each loss id of the catalog (all 41).
    public static let byLoss: [String: LossProvenance] = [
        // Softmax cross-entropy as a network's training criterion (Bridle); the temperature is the usual
        // scaling studied as "temperature-scaled CE" in the LDR paper.
        "cross_entropy": LossProvenance(
            origin: bridle1990probabilistic,
            studiedIn: [
                ReadingList.polyLoss, ReadingList.zLoss, ReadingList.crossEntropyLosses, ReadingList.ldr,
                ReadingList.wellClassified, ReadingList.normalizedLosses, ReadingList.squentropy,
                ReadingList.contrastiveBehaviour, ReadingList.neuralCollapseLinear,
            ]),
        "label_smoothing": LossProvenance(origin: szegedy2016rethinking, studiedIn: [ReadingList.wellClassified]),
        "focal": LossProvenance(
            origin: lin2017focal,
            studiedIn: [
                ReadingList.polyLoss, ReadingList.normalizedLosses, ReadingList.asymmetricLoss,
            ]),
        "poly1": LossProvenance(origin: leng2022polyloss, studiedIn: []),
        "poly1_focal": LossProvenance(origin: leng2022polyloss, studiedIn: []),
        "brier": LossProvenance(origin: brier1950verification, studiedIn: [ReadingList.ldr]),
        "mae": LossProvenance(
            origin: ghosh2017robust,
            studiedIn: [
                ReadingList.crossEntropyLosses, ReadingList.ldr, ReadingList.normalizedLosses,
            ]),
        "gce": LossProvenance(
            origin: zhang2018generalized,
            studiedIn: [
                ReadingList.crossEntropyLosses, ReadingList.ldr, ReadingList.normalizedLosses,
            ]),
        "sce": LossProvenance(origin: wang2019symmetric, studiedIn: [ReadingList.ldr, ReadingList.normalizedLosses]),
        "nce_rce": LossProvenance(origin: ma2020normalized, studiedIn: []),
        "nce_mae": LossProvenance(origin: ma2020normalized, studiedIn: []),
        "comp_sum": LossProvenance(origin: mao2023crossentropy, studiedIn: []),
        "taylor_softmax": LossProvenance(origin: debrebisson2016exploration, studiedIn: [ReadingList.zLoss]),
        "squentropy": LossProvenance(origin: hui2023squentropy, studiedIn: []),
        "encouraging": LossProvenance(origin: zhao2022wellclassified, studiedIn: []),
        "ldr_kl": LossProvenance(origin: zhu2023ldr, studiedIn: []),
        "sparsemax": LossProvenance(origin: martins2016sparsemax, studiedIn: []),
        "z_loss": LossProvenance(origin: debrebisson2016zloss, studiedIn: []),
        "hinge": LossProvenance(origin: crammer2001multiclass, studiedIn: [ReadingList.ldr, ReadingList.ensLoss]),
        "hinge_ww": LossProvenance(origin: weston1999multiclass, studiedIn: [ReadingList.ldr]),
        "squared_hinge": LossProvenance(origin: lee2013squaredhinge, studiedIn: [ReadingList.ldr]),
        "exponential": LossProvenance(origin: freund1997boosting, studiedIn: [ReadingList.ensLoss]),
        // For two classes the sparsemax loss is exactly a quarter of the modified Huber loss.
        "modified_huber": LossProvenance(origin: zhang2004sgd, studiedIn: [ReadingList.sparsemax]),
        "logit_adjusted": LossProvenance(
            origin: menon2021logit,
            studiedIn: [
                ReadingList.mutualInformationLongTail, ReadingList.bayesianLongTail,
            ]),
        "ldam": LossProvenance(origin: cao2019ldam, studiedIn: [ReadingList.saddlePoints]),
        // The reading-list paper trains with it as the "normalized softmax loss".
        "normface": LossProvenance(origin: wang2017normface, studiedIn: [ReadingList.hypersphericalNovelClasses]),
        // AM-softmax (Wang, Cheng, Liu & Liu 2018) is the same loss, published concurrently. The Circle loss paper
        // derives it as the class-level special case of its unified loss.
        "cosface": LossProvenance(
            origin: wang2018cosface,
            studiedIn: [
                ReadingList.speakerMetricLearning, ReadingList.adaFace, ReadingList.unpg, ReadingList.partialFC,
                ReadingList.circleLoss,
            ]),
        "arcface": LossProvenance(
            origin: deng2019arcface,
            studiedIn: [
                ReadingList.speakerMetricLearning, ReadingList.adaFace, ReadingList.unpg, ReadingList.partialFC,
                ReadingList.circleLoss,
            ]),
        // The class-level form (s_p = cos θ_y, s_n = cos θ_j); the paper also gives a pair-wise form.
        "circle": LossProvenance(origin: sun2020circle, studiedIn: []),
        // SimpleX defines CCL on user–item pairs; here it is applied to an input and the class directions.
        "cosine_contrastive": LossProvenance(origin: mao2021simplex, studiedIn: []),
        // Hadsell et al. label similar pairs Y = 0 and halve both terms; the loss is otherwise the same.
        "contrastive": LossProvenance(
            origin: hadsell2006dimensionality,
            studiedIn: [ReadingList.acousticPhoneticEmbeddings, ReadingList.metricLearningOverview]),
        // FaceNet's triplet loss with the batch-hard mining of Hermans, Beyer & Leibe 2017 (hermans2017defense), who
        // use unsquared distances; losscape keeps FaceNet's squared distances and margin.
        "triplet": LossProvenance(
            origin: schroff2015facenet,
            studiedIn: [
                ReadingList.suSanaDistancia, ReadingList.speakerMetricLearning, ReadingList.circleLoss,
                ReadingList.metricLearningOverview,
            ]),
        // The L_out form (the average over positives outside the log), which the paper finds better than L_in.
        "supcon": LossProvenance(
            origin: khosla2020supcon,
            studiedIn: [
                ReadingList.iCon, ReadingList.score, ReadingList.mutualInformationLongTail,
                ReadingList.symmetricNeuralCollapse, ReadingList.subclassBalancing,
            ]),
        "mse": LossProvenance(
            origin: legendre1805nouvelles,
            studiedIn: [
                ReadingList.lossSurvey, ReadingList.regressionSurvey, ReadingList.neuralCollapseLinear,
                ReadingList.logarithmicLoss, ReadingList.doublePenalty,
            ]),
        // Least absolute deviations, cited to Boscovich 1757 (see the citation's note).
        "l1": LossProvenance(origin: boscovich1757litteraria, studiedIn: [ReadingList.lossSurvey, ReadingList.regressionSurvey]),
        "huber": LossProvenance(origin: huber1964robust, studiedIn: [ReadingList.lossSurvey, ReadingList.regressionSurvey]),
        "pseudo_huber": LossProvenance(origin: charbonnier1994halfquadratic, studiedIn: [ReadingList.pseudoHuberDiffusion]),
        // No originating paper for log-cosh is known: the origin given is a survey that presents it.
        "log_cosh": LossProvenance(origin: terven2023survey, studiedIn: [ReadingList.regressionSurvey]),
        "quantile": LossProvenance(origin: koenker1978quantiles, studiedIn: [ReadingList.lossSurvey, ReadingList.regressionSurvey]),
        "z_error": LossProvenance(origin: godin2025zerror, studiedIn: []),
        "smooth_l1": LossProvenance(origin: girshick2015fastrcnn, studiedIn: [ReadingList.lossSurvey]),
    ]
}
